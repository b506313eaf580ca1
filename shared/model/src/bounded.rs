//! Bounded values a request carries: texts (a project description, a search query), parsed
//! once, without surrounding whitespace, refused when blank or too long; and counts (a page
//! size, a number of recommendations) from 1 to a maximum.

/// Defines a text of 1 to `$max` characters (surrounding whitespace ignored) with `parse`
/// and `as_str`, and the error saying why one was refused: empty, or too long with the
/// characters it has.
macro_rules! bounded_text {
    (
        $(#[$meta:meta])*
        $name:ident,
        $(#[$error_meta:meta])*
        $error:ident,
        $max:ident
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(String);

        $(#[$error_meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $error {
            Empty,
            TooLong { chars: usize },
        }

        impl std::fmt::Display for $error {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self {
                    $error::Empty => f.write_str("must not be empty"),
                    $error::TooLong { chars } => write!(
                        f,
                        "must be at most {max} characters, not {chars}",
                        max = $max
                    ),
                }
            }
        }

        impl std::error::Error for $error {}

        impl $name {
            pub fn parse(raw: &str) -> Result<Self, $error> {
                let trimmed = raw.trim();
                let chars = trimmed.chars().count();
                if chars == 0 {
                    Err($error::Empty)
                } else if chars > $max {
                    Err($error::TooLong { chars })
                } else {
                    Ok(Self(trimmed.to_owned()))
                }
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    };
}

pub(crate) use bounded_text;

/// Defines a count of 1 to `$max`, `$default` unless asked: `new` refuses any other.
macro_rules! bounded_count {
    (
        $(#[$meta:meta])*
        $name:ident, max $max:literal, default $default:literal
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $name(usize);

        impl $name {
            pub const MAX: usize = $max;
            pub const DEFAULT: $name = $name($default);

            pub fn new(n: usize) -> Option<Self> {
                (1..=Self::MAX).contains(&n).then_some(Self(n))
            }

            pub fn get(self) -> usize {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::DEFAULT
            }
        }
    };
}

pub(crate) use bounded_count;

#[cfg(test)]
mod tests {
    use crate::describe::{Description, DescriptionError};
    use crate::search::{SearchText, SearchTextError};

    /// Lengths are counted in characters, not bytes, without the surrounding whitespace.
    #[test]
    fn descriptions_are_one_to_two_thousand_characters_and_queries_one_to_256() {
        assert_eq!(Description::parse(" \n "), Err(DescriptionError::Empty));
        assert_eq!(
            Description::parse(&"é".repeat(2001)),
            Err(DescriptionError::TooLong { chars: 2001 })
        );
        assert!(Description::parse(&"é".repeat(2000)).is_ok());
        assert_eq!(SearchText::parse("  "), Err(SearchTextError::Empty));
        assert_eq!(
            SearchText::parse(&"é".repeat(257)),
            Err(SearchTextError::TooLong { chars: 257 })
        );
        assert!(SearchText::parse(&"é".repeat(256)).is_ok());
        assert_eq!(SearchText::parse(" go ").unwrap().as_str(), "go");
    }
}
