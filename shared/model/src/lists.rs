//! Lists of values as the contract treats them: each value once, in the order first given;
//! and named in a sentence.

/// `values` with every repeat dropped, the first occurrence kept where it stood.
pub fn distinct<T: PartialEq>(values: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut kept = Vec::new();
    for value in values {
        if !kept.contains(&value) {
            kept.push(value);
        }
    }
    kept
}

/// Drops from `values` every one that `winners` holds: of two lists that may not share a
/// value, `winners` keeps it.
pub(crate) fn drop_shared<T: PartialEq>(values: &mut Vec<T>, winners: &[T]) {
    values.retain(|value| !winners.contains(value));
}

/// `a`, `a and b`, `a, b and c`.
pub fn join_names(names: &[&str]) -> String {
    join(names, " and ")
}

/// `a`, `a or b`, `a, b or c`.
pub fn join_alternatives(names: &[&str]) -> String {
    join(names, " or ")
}

fn join(names: &[&str], last_separator: &str) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => [&init.join(", "), last_separator, last].concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_dropped_in_first_order() {
        assert_eq!(distinct([3, 1, 3, 2, 1]), [3, 1, 2]);
    }

    #[test]
    fn names_read_as_a_sentence() {
        assert_eq!(join_names(&[]), "");
        assert_eq!(join_names(&["a"]), "a");
        assert_eq!(join_names(&["a", "b", "c"]), "a, b and c");
        assert_eq!(join_alternatives(&["a", "b"]), "a or b");
    }
}
