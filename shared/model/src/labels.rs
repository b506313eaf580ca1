//! The words a person reads for each vocabulary value; the URLs and the JSON keep the
//! canonical names. Two forms: a label, as a heading or a choice shows it ("Data-driven app"),
//! and a phrase for the middle of a sentence ("data-driven apps", "an admin panel").

use crate::vocab::{Category, Deployment, Dimension, Feature, Language, Registry, Topic, UseCase};

pub fn language(language: Language) -> &'static str {
    match language {
        Language::Python => "Python",
        Language::Javascript => "JavaScript",
        Language::Typescript => "TypeScript",
        Language::Go => "Go",
        Language::Java => "Java",
        Language::Kotlin => "Kotlin",
        Language::Csharp => "C#",
        Language::Php => "PHP",
        Language::Ruby => "Ruby",
        Language::Rust => "Rust",
        Language::Elixir => "Elixir",
        Language::Swift => "Swift",
        Language::Scala => "Scala",
        Language::Cpp => "C++",
    }
}

pub fn category(category: Category) -> &'static str {
    match category {
        Category::FullStack => "Full-stack",
        Category::Micro => "Micro",
        Category::Minimal => "Minimal",
        Category::Modular => "Modular",
    }
}

pub fn dimension(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Performance => "Performance",
        Dimension::Scalability => "Scalability",
        Dimension::EaseOfLearning => "Ease of learning",
        Dimension::Productivity => "Productivity",
        Dimension::Ecosystem => "Ecosystem",
        Dimension::Security => "Security",
        Dimension::TypeSafety => "Type safety",
        Dimension::ServerlessFit => "Serverless fit",
    }
}

pub fn feature(feature: Feature) -> &'static str {
    match feature {
        Feature::Orm => "ORM",
        Feature::Migrations => "Migrations",
        Feature::Auth => "Authentication",
        Feature::AdminPanel => "Admin panel",
        Feature::Templating => "Templating",
        Feature::Validation => "Validation",
        Feature::OpenapiDocs => "OpenAPI docs",
        Feature::DependencyInjection => "Dependency injection",
        Feature::Websockets => "WebSockets",
        Feature::AsyncNative => "Async-native",
        Feature::BackgroundJobs => "Background jobs",
        Feature::Caching => "Caching",
        Feature::CliScaffolding => "CLI scaffolding",
    }
}

pub fn use_case(use_case: UseCase) -> &'static str {
    match use_case {
        UseCase::RestApi => "REST API",
        UseCase::Microservices => "Microservices",
        UseCase::Realtime => "Real-time",
        UseCase::FullstackWeb => "Full-stack web app",
        UseCase::Enterprise => "Enterprise system",
        UseCase::DataDriven => "Data-driven app",
        UseCase::Ecommerce => "E-commerce",
        UseCase::Cms => "CMS",
        UseCase::Prototyping => "Prototype / MVP",
        UseCase::Serverless => "Serverless",
        UseCase::HighThroughput => "High throughput",
        UseCase::MlServing => "ML model serving",
    }
}

pub fn deployment(deployment: Deployment) -> &'static str {
    match deployment {
        Deployment::Serverless => "Serverless (e.g. Lambda)",
        Deployment::Containers => "Containers",
        Deployment::Servers => "Long-running servers",
    }
}

/// The label of a recommendation's score factor, as named in its `breakdown`.
pub fn factor(name: &str) -> &str {
    match name {
        "use_case_fit" => "Use-case fit",
        "priorities" => "Your priorities",
        "deployment_fit" => "Deployment fit",
        other => other,
    }
}

/// A dimension inside a sentence: "type safety 4/5".
pub fn dimension_in_text(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Performance => "performance",
        Dimension::Scalability => "scalability",
        Dimension::EaseOfLearning => "ease of learning",
        Dimension::Productivity => "productivity",
        Dimension::Ecosystem => "ecosystem",
        Dimension::Security => "security",
        Dimension::TypeSafety => "type safety",
        Dimension::ServerlessFit => "serverless fit",
    }
}

/// A feature inside a sentence, with its article where English wants one: "ships an ORM,
/// migrations and an admin panel".
pub fn feature_in_text(feature: Feature) -> &'static str {
    match feature {
        Feature::Orm => "an ORM",
        Feature::Migrations => "migrations",
        Feature::Auth => "authentication",
        Feature::AdminPanel => "an admin panel",
        Feature::Templating => "templating",
        Feature::Validation => "validation",
        Feature::OpenapiDocs => "OpenAPI docs",
        Feature::DependencyInjection => "dependency injection",
        Feature::Websockets => "WebSockets",
        Feature::AsyncNative => "async-native handlers",
        Feature::BackgroundJobs => "background jobs",
        Feature::Caching => "caching",
        Feature::CliScaffolding => "CLI scaffolding",
    }
}

/// A use case inside a sentence, as the kind of project: "made for data-driven apps".
pub fn use_case_in_text(use_case: UseCase) -> &'static str {
    match use_case {
        UseCase::RestApi => "REST APIs",
        UseCase::Microservices => "microservices",
        UseCase::Realtime => "real-time apps",
        UseCase::FullstackWeb => "full-stack web apps",
        UseCase::Enterprise => "enterprise systems",
        UseCase::DataDriven => "data-driven apps",
        UseCase::Ecommerce => "e-commerce sites",
        UseCase::Cms => "content management systems",
        UseCase::Prototyping => "prototypes and MVPs",
        UseCase::Serverless => "serverless services",
        UseCase::HighThroughput => "high-throughput services",
        UseCase::MlServing => "ML model serving",
    }
}

/// A deployment inside a sentence, after "suits" or "a weak fit for".
pub fn deployment_in_text(deployment: Deployment) -> &'static str {
    match deployment {
        Deployment::Serverless => "running serverless",
        Deployment::Containers => "running in containers",
        Deployment::Servers => "running on long-running servers",
    }
}

/// A score factor of a recommendation inside a sentence: "most of all on use-case fit".
pub fn factor_in_text(name: &str) -> &str {
    match name {
        "use_case_fit" => "use-case fit",
        "priorities" => "your priorities",
        "deployment_fit" => "deployment fit",
        other => other,
    }
}

pub fn topic(topic: Topic) -> &'static str {
    match topic {
        Topic::Basics => "Basics",
        Topic::Choosing => "Choosing",
        Topic::Performance => "Performance",
        Topic::Languages => "Languages",
        Topic::Trends => "Trends",
        Topic::Python => "Python",
        Topic::Architecture => "Architecture",
    }
}

pub fn registry(registry: Registry) -> &'static str {
    match registry {
        Registry::Npm => "npm",
        Registry::Pypi => "PyPI",
        Registry::Crates => "crates.io",
        Registry::Maven => "Maven Central",
        Registry::Nuget => "NuGet",
        Registry::Packagist => "Packagist",
        Registry::Rubygems => "RubyGems",
        Registry::Hex => "Hex",
        Registry::Go => "the Go module proxy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_a_label_distinct_from_the_others() {
        fn distinct<T: Copy>(all: &[T], label: fn(T) -> &'static str) {
            let mut seen: Vec<&str> = all.iter().map(|value| label(*value)).collect();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), all.len());
        }
        distinct(Language::ALL, language);
        distinct(Category::ALL, category);
        distinct(Dimension::ALL, dimension);
        distinct(Feature::ALL, feature);
        distinct(UseCase::ALL, use_case);
        distinct(Deployment::ALL, deployment);
        distinct(Topic::ALL, topic);
        distinct(Dimension::ALL, dimension_in_text);
        distinct(Feature::ALL, feature_in_text);
        distinct(UseCase::ALL, use_case_in_text);
        distinct(Deployment::ALL, deployment_in_text);
    }

    #[test]
    fn phrases_carry_no_identifier() {
        let phrases = Dimension::ALL
            .iter()
            .map(|d| dimension_in_text(*d))
            .chain(Feature::ALL.iter().map(|f| feature_in_text(*f)))
            .chain(UseCase::ALL.iter().map(|u| use_case_in_text(*u)))
            .chain(Deployment::ALL.iter().map(|d| deployment_in_text(*d)))
            .chain(["use_case_fit", "priorities", "deployment_fit"].map(factor_in_text));
        for phrase in phrases {
            assert!(!phrase.contains('_'), "{phrase}");
        }
    }
}
