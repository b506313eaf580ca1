//! What the reader's tests share: a post read, one field of its reading as values, and
//! assertions over many posts at once that name the post that fails, so that each test
//! states its posts and what they read as.

use std::fmt::Debug;

use super::*;

pub(super) fn read(text: &str) -> Interpretation {
    interpret(&Description::parse(text).unwrap())
}

pub(super) fn values<T: Copy>(readings: &[Reading<T>]) -> Vec<T> {
    readings.iter().map(|r| r.value).collect()
}

/// One field of a reading as the values it holds, in order: a field that holds at most one
/// value (the kind of project, where it runs) holds none or one.
pub(super) type Field<T> = fn(&Interpretation) -> Vec<T>;

pub(super) fn languages(read: &Interpretation) -> Vec<Language> {
    values(&read.languages)
}

pub(super) fn excluded_languages(read: &Interpretation) -> Vec<Language> {
    values(&read.excluded_languages)
}

pub(super) fn preferred_frameworks(read: &Interpretation) -> Vec<&'static str> {
    values(&read.preferred_frameworks)
}

pub(super) fn excluded_frameworks(read: &Interpretation) -> Vec<&'static str> {
    values(&read.excluded_frameworks)
}

pub(super) fn priorities(read: &Interpretation) -> Vec<Dimension> {
    values(&read.priorities)
}

pub(super) fn required_features(read: &Interpretation) -> Vec<Feature> {
    values(&read.required_features)
}

pub(super) fn use_case(read: &Interpretation) -> Vec<UseCase> {
    read.use_case.iter().map(|u| u.value).collect()
}

pub(super) fn deployment(read: &Interpretation) -> Vec<Deployment> {
    read.deployment.iter().map(|d| d.value).collect()
}

/// Each post is refused as off topic.
#[track_caller]
pub(super) fn assert_refused(texts: &[&str]) {
    for text in texts {
        assert!(read(text).is_off_topic(), "{text}");
    }
}

/// Each post is on topic.
#[track_caller]
pub(super) fn assert_on_topic(texts: &[&str]) {
    for text in texts {
        assert!(!read(text).is_off_topic(), "{text}");
    }
}

/// Each post reads `field` as the values beside it.
#[track_caller]
pub(super) fn assert_reads<T: PartialEq + Debug>(field: Field<T>, cases: &[(&str, &[T])]) {
    for (text, expected) in cases {
        assert_eq!(field(&read(text)), *expected, "{text}");
    }
}

/// Every one of the posts reads `field` as `expected`.
#[track_caller]
pub(super) fn assert_each_reads<T: PartialEq + Debug>(
    field: Field<T>,
    texts: &[&str],
    expected: &[T],
) {
    for text in texts {
        assert_eq!(field(&read(text)), expected, "{text}");
    }
}

/// Each post's `field` holds the value beside it, among others.
#[track_caller]
pub(super) fn assert_includes<T: PartialEq + Debug>(field: Field<T>, cases: &[(&str, T)]) {
    for (text, value) in cases {
        let read = field(&read(text));
        assert!(read.contains(value), "{text}: {value:?} not in {read:?}");
    }
}

/// Every one of the posts' `field` holds `value`, among others.
#[track_caller]
pub(super) fn assert_each_includes<T: PartialEq + Debug>(
    field: Field<T>,
    texts: &[&str],
    value: T,
) {
    for text in texts {
        let read = field(&read(text));
        assert!(read.contains(&value), "{text}: {value:?} not in {read:?}");
    }
}

/// None of the posts' `field` holds `value`.
#[track_caller]
pub(super) fn assert_each_lacks<T: PartialEq + Debug>(field: Field<T>, texts: &[&str], value: T) {
    for text in texts {
        let read = field(&read(text));
        assert!(!read.contains(&value), "{text}: {value:?} in {read:?}");
    }
}
