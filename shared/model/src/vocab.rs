//! The closed vocabularies of the contract. Each is an enum whose `FromStr` accepts the
//! canonical spelling (and, for languages, common aliases) and whose error lists every valid
//! value, so a client that sends `langauge=pyton` learns what would have worked.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value outside a closed vocabulary. Maps to 422 at the edge, with `valid` listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    pub vocabulary: &'static str,
    /// The value as sent, through [`crate::echo::echo`]: it is repeated to the client.
    pub value: String,
    pub valid: &'static [&'static str],
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} '{}'; valid values are: {}",
            self.vocabulary,
            self.value,
            self.valid.join(", ")
        )
    }
}

impl std::error::Error for UnknownValue {}

/// A closed vocabulary, as [`vocabulary!`] defines one: generic code (the body reader) can
/// parse any of them and name their valid values.
pub trait Vocabulary: FromStr<Err = UnknownValue> + Copy + Ord + fmt::Display + 'static {
    /// The canonical spelling of every value, in declaration order.
    const NAMES: &'static [&'static str];
}

/// Defines a closed vocabulary: the enum, its canonical names, `FromStr` with aliases,
/// `Display` and serde in the canonical form.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $label:literal {
            $( $variant:ident = $canonical:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The canonical spelling of every value, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($canonical),+];
            /// How many values there are: the length of a table indexed by [`Self::index`].
            pub const COUNT: usize = $name::NAMES.len();

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $canonical),+ }
            }

            /// The position of this value in [`Self::ALL`], which lists the variants in
            /// declaration order: the discriminant.
            pub fn index(self) -> usize {
                self as usize
            }
        }

        impl Vocabulary for $name {
            const NAMES: &'static [&'static str] = $name::NAMES;
        }

        impl FromStr for $name {
            type Err = UnknownValue;

            fn from_str(raw: &str) -> Result<Self, Self::Err> {
                let normalised = raw.trim().to_ascii_lowercase();
                match normalised.as_str() {
                    $($canonical $(| $alias)* => Ok($name::$variant),)+
                    _ => Err(UnknownValue {
                        vocabulary: $label,
                        value: $crate::echo::echo(raw),
                        valid: $name::NAMES,
                    }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                raw.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

vocabulary! {
    /// The implementation language of a framework. Aliases normalise here, once.
    Language, "language" {
        Python = "python" | "py",
        Javascript = "javascript" | "js" | "node" | "nodejs" | "node.js" | "ecmascript",
        Typescript = "typescript" | "ts",
        Go = "go" | "golang",
        Java = "java" | "jvm",
        Kotlin = "kotlin" | "kt",
        Csharp = "csharp" | "c#" | "cs" | "dotnet" | ".net" | "c-sharp",
        Php = "php",
        Ruby = "ruby" | "rb",
        Rust = "rust" | "rs",
        Elixir = "elixir" | "ex",
        Swift = "swift",
        Scala = "scala",
        Cpp = "cpp" | "c++" | "cplusplus",
    }
}

vocabulary! {
    /// How much a framework brings with it, from everything-included to bare routing.
    Category, "category" {
        FullStack = "full-stack" | "fullstack" | "full_stack",
        Micro = "micro",
        Minimal = "minimal",
        Modular = "modular",
    }
}

vocabulary! {
    /// The package registries the catalog's frameworks are published on.
    Registry, "registry" {
        Npm = "npm", Pypi = "pypi", Crates = "crates", Maven = "maven", Nuget = "nuget",
        Packagist = "packagist", Rubygems = "rubygems", Hex = "hex", Go = "go",
    }
}

vocabulary! {
    /// A rated quality of a framework; every rating is 1..=5 and higher is better.
    Dimension, "dimension" {
        Performance = "performance", Scalability = "scalability",
        EaseOfLearning = "ease_of_learning", Productivity = "productivity", Ecosystem = "ecosystem",
        Security = "security", TypeSafety = "type_safety", ServerlessFit = "serverless_fit",
    }
}

vocabulary! {
    /// A capability a framework ships itself or through first-party packages.
    Feature, "feature" {
        Orm = "orm", Migrations = "migrations", Auth = "auth", AdminPanel = "admin_panel",
        Templating = "templating", Validation = "validation", OpenapiDocs = "openapi_docs",
        DependencyInjection = "dependency_injection", Websockets = "websockets",
        AsyncNative = "async_native", BackgroundJobs = "background_jobs", Caching = "caching",
        CliScaffolding = "cli_scaffolding",
    }
}

vocabulary! {
    /// The kind of project a framework is a good fit for.
    UseCase, "use_case" {
        RestApi = "rest_api", Microservices = "microservices", Realtime = "realtime",
        FullstackWeb = "fullstack_web", Enterprise = "enterprise", DataDriven = "data_driven",
        Ecommerce = "ecommerce", Cms = "cms", Prototyping = "prototyping",
        Serverless = "serverless", HighThroughput = "high_throughput", MlServing = "ml_serving",
    }
}

vocabulary! {
    /// Where the user intends to run the service; `serverless` favours fast cold starts.
    Deployment, "deployment" {
        Serverless = "serverless", Containers = "containers", Servers = "servers",
    }
}

vocabulary! {
    /// What an FAQ entry is about; `trends` answers say how this system embodies each trend.
    Topic, "topic" {
        Basics = "basics", Choosing = "choosing", Performance = "performance",
        Languages = "languages", Trends = "trends", Python = "python",
        Architecture = "architecture",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_aliases_normalise_to_one_value() {
        for alias in ["node", "JS", "nodejs", "node.js"] {
            assert_eq!(
                alias.parse::<Language>(),
                Ok(Language::Javascript),
                "{alias}"
            );
        }
        assert_eq!("golang".parse::<Language>(), Ok(Language::Go));
        assert_eq!("C#".parse::<Language>(), Ok(Language::Csharp));
        assert_eq!("dotnet".parse::<Language>(), Ok(Language::Csharp));
        assert_eq!("ts".parse::<Language>(), Ok(Language::Typescript));
    }

    #[test]
    fn unknown_values_list_every_valid_value() {
        let error = "cobol".parse::<Language>().unwrap_err();
        assert_eq!(error.vocabulary, "language");
        assert_eq!(error.valid, Language::NAMES);
        assert!(error.to_string().contains("python, javascript"));
    }

    #[test]
    fn topics_parse_case_insensitively_and_list_the_valid_ones() {
        assert_eq!("Trends".parse::<Topic>().unwrap().as_str(), "trends");
        let error = "gossip".parse::<Topic>().unwrap_err();
        assert!(error.to_string().contains("basics"));
    }

    #[test]
    fn canonical_names_round_trip() {
        for dimension in Dimension::ALL {
            assert_eq!(dimension.as_str().parse::<Dimension>(), Ok(*dimension));
        }
        for feature in Feature::ALL {
            assert_eq!(feature.as_str().parse::<Feature>(), Ok(*feature));
        }
        for use_case in UseCase::ALL {
            assert_eq!(use_case.as_str().parse::<UseCase>(), Ok(*use_case));
        }
        for (index, dimension) in Dimension::ALL.iter().enumerate() {
            assert_eq!(dimension.index(), index);
        }
        assert_eq!(Dimension::ALL.len(), Dimension::COUNT);
        assert_eq!(
            serde_json::to_string(&Category::FullStack).unwrap(),
            "\"full-stack\""
        );
    }
}
