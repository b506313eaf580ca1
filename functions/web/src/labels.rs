//! The words a person reads for each vocabulary value; the URLs keep the canonical names.

use model::{Category, Deployment, Dimension, Feature, Language, Topic, UseCase};

pub(crate) fn language(language: Language) -> &'static str {
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
    }
}

pub(crate) fn category(category: Category) -> &'static str {
    match category {
        Category::FullStack => "Full-stack",
        Category::Micro => "Micro",
        Category::Minimal => "Minimal",
        Category::Modular => "Modular",
    }
}

pub(crate) fn dimension(dimension: Dimension) -> &'static str {
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

pub(crate) fn feature(feature: Feature) -> &'static str {
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

pub(crate) fn use_case(use_case: UseCase) -> &'static str {
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

pub(crate) fn deployment(deployment: Deployment) -> &'static str {
    match deployment {
        Deployment::Serverless => "Serverless (e.g. Lambda)",
        Deployment::Containers => "Containers",
        Deployment::Servers => "Long-running servers",
    }
}

/// The label of a recommendation's score factor, as named in its `breakdown`.
pub(crate) fn factor(name: &str) -> &str {
    match name {
        "use_case_fit" => "Use-case fit",
        "priorities" => "Your priorities",
        "deployment_fit" => "Deployment fit",
        other => other,
    }
}

pub(crate) fn topic(topic: Topic) -> &'static str {
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
    }
}
