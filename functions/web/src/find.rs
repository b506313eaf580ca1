//! The catalog's text search: the frameworks whose words include every term of a question,
//! read by the FAQ's analyser (`model::search::terms`: case, plurals and spellings of names
//! folded), so that "typed ORM" and "orms with types" find the same frameworks.

use model::Framework;

use model::labels;

/// The frameworks of `catalog` that mention every term of `text`, in catalog order; all of
/// them when `text` has no term (only stop words).
pub(crate) fn frameworks<'a>(catalog: &'a [Framework], text: &str) -> Vec<&'a Framework> {
    let wanted = model::search::terms(text);
    catalog
        .iter()
        .filter(|framework| {
            let said = model::search::terms(&words_of(framework));
            wanted.iter().all(|term| said.contains(term))
        })
        .collect()
}

/// Everything a card or a framework's page says of it, as one text.
fn words_of(framework: &Framework) -> String {
    let spec = &framework.spec;
    let mut text = [
        spec.name.as_str(),
        framework.id.as_str(),
        labels::language(spec.language),
        labels::category(spec.category),
        spec.description.as_str(),
    ]
    .join(" ");
    for line in spec.strengths.iter().map(String::as_str).chain(
        spec.features
            .iter()
            .map(|f| labels::feature(*f))
            .chain(spec.use_cases.iter().map(|u| labels::use_case(*u))),
    ) {
        text.push(' ');
        text.push_str(line);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(found: &[&Framework]) -> Vec<String> {
        found.iter().map(|f| f.id.to_string()).collect()
    }

    #[test]
    fn every_term_must_be_found_in_what_the_catalog_says() {
        let catalog = model::dataset::load_frameworks().unwrap();
        let admin = ids(&frameworks(&catalog, "admin panel"));
        assert!(admin.contains(&"django".to_owned()), "{admin:?}");
        let tokio = ids(&frameworks(&catalog, "Tokio"));
        assert!(tokio.contains(&"axum".to_owned()) && !tokio.contains(&"django".to_owned()));
        assert!(frameworks(&catalog, "tokio cobol").is_empty());
        assert_eq!(frameworks(&catalog, "the").len(), catalog.len());
    }
}
