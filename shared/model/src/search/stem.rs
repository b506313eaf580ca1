//! The Porter (1980) suffix-stripping stemmer, for lowercase ASCII words. Anything else
//! (digits, non-ASCII letters) is returned unchanged: a missed conflation costs a little
//! recall, a wrong one would cost precision.

/// The stem of `word`; words of two letters or fewer, and non-ASCII words, are kept as is.
pub fn stem(word: &str) -> String {
    if word.len() <= 2 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_owned();
    }
    let mut w = Word(word.as_bytes().to_vec());
    w.step1a();
    w.step1b();
    w.step1c();
    w.replace_first(STEP2, 0);
    w.replace_first(STEP3, 0);
    w.step4();
    w.step5();
    // Only ASCII bytes were ever written, so this cannot fail; fall back to the input anyway.
    String::from_utf8(w.0).unwrap_or_else(|_| word.to_owned())
}

/// Step 2: the first of these suffixes the word ends with is replaced when the stem before it
/// has a measure above 0.
const STEP2: &[(&str, &str)] = &[
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("abli", "able"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
];

/// Step 3, the same way.
const STEP3: &[(&str, &str)] = &[
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

struct Word(Vec<u8>);

impl Word {
    fn is_consonant(&self, i: usize) -> bool {
        match self.0[i] {
            b'a' | b'e' | b'i' | b'o' | b'u' => false,
            b'y' => i == 0 || !self.is_consonant(i - 1),
            _ => true,
        }
    }

    /// Porter's m: the number of vowel-consonant sequences in the first `len` letters.
    fn measure(&self, len: usize) -> usize {
        let mut m = 0;
        let mut i = 0;
        while i < len && self.is_consonant(i) {
            i += 1;
        }
        loop {
            while i < len && !self.is_consonant(i) {
                i += 1;
            }
            if i >= len {
                return m;
            }
            while i < len && self.is_consonant(i) {
                i += 1;
            }
            m += 1;
        }
    }

    fn has_vowel(&self, len: usize) -> bool {
        (0..len).any(|i| !self.is_consonant(i))
    }

    fn ends_double_consonant(&self, len: usize) -> bool {
        len >= 2 && self.0[len - 1] == self.0[len - 2] && self.is_consonant(len - 1)
    }

    /// consonant-vowel-consonant at the end of the first `len` letters, the last not w, x or y.
    fn ends_cvc(&self, len: usize) -> bool {
        len >= 3
            && self.is_consonant(len - 3)
            && !self.is_consonant(len - 2)
            && self.is_consonant(len - 1)
            && !matches!(self.0[len - 1], b'w' | b'x' | b'y')
    }

    fn ends(&self, suffix: &str) -> bool {
        self.0.ends_with(suffix.as_bytes())
    }

    fn stem_len(&self, suffix: &str) -> usize {
        self.0.len() - suffix.len()
    }

    fn replace(&mut self, suffix: &str, with: &str) {
        let keep = self.stem_len(suffix);
        self.0.truncate(keep);
        self.0.extend_from_slice(with.as_bytes());
    }

    /// Replaces the first matching suffix when the remaining stem has measure > `min_m`.
    fn replace_first(&mut self, rules: &[(&str, &str)], min_m: usize) {
        if let Some((suffix, with)) = rules.iter().find(|(suffix, _)| self.ends(suffix))
            && self.measure(self.stem_len(suffix)) > min_m
        {
            self.replace(suffix, with);
        }
    }

    fn step1a(&mut self) {
        if self.ends("sses") {
            self.replace("sses", "ss");
        } else if self.ends("ies") {
            self.replace("ies", "i");
        } else if self.ends("ss") {
        } else if self.ends("s") {
            self.replace("s", "");
        }
    }

    fn step1b(&mut self) {
        if self.ends("eed") {
            if self.measure(self.stem_len("eed")) > 0 {
                self.replace("eed", "ee");
            }
            return;
        }
        let stripped = ["ed", "ing"]
            .into_iter()
            .find(|suffix| self.ends(suffix) && self.has_vowel(self.stem_len(suffix)));
        let Some(suffix) = stripped else { return };
        self.replace(suffix, "");
        if self.ends("at") || self.ends("bl") || self.ends("iz") {
            self.0.push(b'e');
        } else if self.ends_double_consonant(self.0.len())
            && !matches!(self.0.last(), Some(b'l' | b's' | b'z'))
        {
            self.0.pop();
        } else if self.measure(self.0.len()) == 1 && self.ends_cvc(self.0.len()) {
            self.0.push(b'e');
        }
    }

    fn step1c(&mut self) {
        if self.ends("y") && self.has_vowel(self.stem_len("y")) {
            self.replace("y", "i");
        }
    }

    fn step4(&mut self) {
        const SUFFIXES: &[&str] = &[
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
            "ou", "ism", "ate", "iti", "ous", "ive", "ize",
        ];
        // Longest match first, as Porter's table is keyed on the penultimate letter.
        let Some(suffix) = SUFFIXES
            .iter()
            .filter(|suffix| self.ends(suffix))
            .max_by_key(|suffix| suffix.len())
        else {
            return;
        };
        let len = self.stem_len(suffix);
        if self.measure(len) <= 1 {
            return;
        }
        if *suffix == "ion" && !matches!(self.0.get(len.wrapping_sub(1)), Some(b's' | b't')) {
            return;
        }
        self.0.truncate(len);
    }

    fn step5(&mut self) {
        if self.ends("e") {
            let len = self.stem_len("e");
            let m = self.measure(len);
            if m > 1 || (m == 1 && !self.ends_cvc(len)) {
                self.0.pop();
            }
        }
        let len = self.0.len();
        if self.measure(len) > 1 && self.ends_double_consonant(len) && self.ends("l") {
            self.0.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn porter_reference_pairs() {
        for (word, expected) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("generalization", "gener"),
            ("hopefulness", "hope"),
            ("electrical", "electr"),
            ("adjustment", "adjust"),
            ("adoption", "adopt"),
            ("controll", "control"),
            ("rate", "rate"),
        ] {
            assert_eq!(stem(word), expected, "{word}");
        }
    }

    #[test]
    fn inflections_of_one_word_share_a_stem() {
        assert_eq!(stem("services"), stem("service"));
        assert_eq!(stem("microservices"), stem("microservice"));
        assert_eq!(stem("frameworks"), stem("framework"));
        assert_eq!(stem("scaling"), stem("scale"));
        assert_eq!(stem("recommendations"), stem("recommendation"));
    }

    #[test]
    fn short_and_non_ascii_words_are_kept() {
        assert_eq!(stem("go"), "go");
        assert_eq!(stem("2025"), "2025");
        assert_eq!(stem("süß"), "süß");
    }
}
