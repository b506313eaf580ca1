//! Near-miss suggestions for unknown ids (`djnago` → `django`).

/// Up to three candidates within a small edit distance of `wanted`, closest first.
pub fn near_misses<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let wanted: String = wanted.chars().take(64).collect();
    let wanted_chars: Vec<char> = wanted.chars().collect();
    let budget = (wanted_chars.len() / 3).clamp(1, 3);
    // One buffer for every candidate's characters: this runs on every 404.
    let mut candidate_chars: Vec<char> = Vec::new();
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|candidate| {
            let is_prefix = wanted_chars.len() >= 3 && candidate.starts_with(&wanted);
            candidate_chars.clear();
            candidate_chars.extend(candidate.chars());
            // The distance is at least the difference in length: skip the table when that
            // alone is over budget and the candidate is not an extension of what was typed.
            if !is_prefix && candidate_chars.len().abs_diff(wanted_chars.len()) > budget {
                return None;
            }
            let distance = edit_distance(&wanted_chars, &candidate_chars);
            (distance <= budget || is_prefix).then_some((distance, candidate))
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(3)
        .map(|(_, candidate)| candidate.to_owned())
        .collect()
}

/// Optimal string alignment distance: Levenshtein plus adjacent transpositions, so a
/// swapped pair of letters costs one edit.
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        table[i * width] = i;
    }
    for (j, cell) in table.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[(i - 1) * width + j] + 1)
                .min(table[i * width + j - 1] + 1)
                .min(table[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[(i - 2) * width + j - 2] + 1);
            }
            table[i * width + j] = best;
        }
    }
    table[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transposed_letters_find_the_framework() {
        let ids = ["django", "flask", "fastapi", "spring-boot"];
        assert_eq!(near_misses("djnago", ids), vec!["django"]);
        assert_eq!(near_misses("spring", ids), vec!["spring-boot"]);
        assert!(near_misses("zzzzzz", ids).is_empty());
    }
}
