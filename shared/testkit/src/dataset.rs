//! The sizes tests compare with, counted from the embedded dataset: a framework or a question
//! added to the data changes no test.

/// How many frameworks the embedded catalog holds.
pub fn catalog_size() -> usize {
    model::dataset::load_frameworks()
        .expect("the embedded catalog loads")
        .len()
}

/// How many questions the embedded FAQ holds.
pub fn faq_size() -> usize {
    model::dataset::load_faq()
        .expect("the embedded FAQ loads")
        .len()
}
