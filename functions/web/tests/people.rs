//! The pages as a person reads them (issue 25): facts in the text come from the data, and
//! after a submission the answer comes before the form.

#![allow(clippy::unwrap_used)]

mod support;

use runtime::Context;
use support::*;

#[tokio::test]
async fn the_counts_in_the_text_follow_the_data() {
    let context = Context::embedded().unwrap();
    let app = web::app(context.clone());
    let catalog = context.stores.frameworks.catalog().await.unwrap();
    let languages = |catalog: &[model::Framework]| {
        let mut all: Vec<_> = catalog.iter().map(|f| f.spec.language).collect();
        all.sort();
        all.dedup();
        all.len()
    };
    let said = format!(
        "{} frameworks across {} languages",
        catalog.len(),
        languages(&catalog)
    );
    for uri in ["/", "/catalog"] {
        assert!(page(&visit(&app, uri).await, 200).contains(&said), "{uri}");
    }
    // The only framework of its language goes: both numbers change.
    let alone = catalog
        .iter()
        .find(|f| {
            catalog
                .iter()
                .filter(|o| o.spec.language == f.spec.language)
                .count()
                == 1
        })
        .unwrap();
    context
        .stores
        .frameworks
        .delete(alone.id.clone(), alone.version)
        .await
        .unwrap();
    let now = context.stores.frameworks.catalog().await.unwrap();
    let said = format!(
        "{} frameworks across {} languages",
        now.len(),
        languages(&now)
    );
    assert_eq!(now.len(), catalog.len() - 1);
    for uri in ["/", "/catalog"] {
        assert!(
            page(&visit(&app, uri).await, 200).contains(&said),
            "{uri}: {said}"
        );
    }
}

#[tokio::test]
async fn after_a_submission_the_answer_comes_before_the_form() {
    let app = app();
    let position = |html: &str, marker: &str| html.find(marker).unwrap();
    let answered = page(
        &visit(&app, "/?description=a+fast+REST+API+in+Go").await,
        200,
    );
    assert!(
        position(&answered, "id=\"results\"") < position(&answered, "<form class=\"profile\""),
        "the answer is below the form"
    );
    assert!(
        answered.contains("href=\"#form-heading\""),
        "the form is one tap away"
    );
    let blank = page(&visit(&app, "/").await, 200);
    assert!(
        position(&blank, "<form class=\"profile\"") < position(&blank, "id=\"results\""),
        "before any question, the form comes first"
    );
}

#[tokio::test]
async fn catalog_cards_show_every_rating_as_text() {
    let html = page(
        &visit(&app(), "/catalog?sort=performance&limit=100").await,
        200,
    );
    let catalog = model::dataset::load_frameworks().unwrap();
    let django = catalog.iter().find(|f| f.id.as_str() == "django").unwrap();
    let card = &html[html.find("href=\"/catalog/django\"").unwrap()..];
    let card = &card[..card.find("</li></ul>").unwrap()];
    for dimension in model::Dimension::ALL {
        let score = django.spec.ratings.score(*dimension);
        assert!(card.contains(&format!("<b>{score}</b>/5")), "{dimension}");
    }
    assert!(card.contains("sorted"), "the sorted dimension stands out");
}

#[tokio::test]
async fn the_catalog_finds_words_without_javascript_and_pages_through_them() {
    let app = app();
    let html = page(&visit(&app, "/catalog?q=Tokio").await, 200);
    assert!(html.contains("href=\"/catalog/axum\"") && !html.contains("href=\"/catalog/django\""));
    assert!(html.contains("value=\"Tokio\""), "the box keeps the words");
    let first = page(&visit(&app, "/catalog?q=orm&limit=2").await, 200);
    let at = first.find("rel=\"next\" href=\"").unwrap() + "rel=\"next\" href=\"".len();
    let next = first[at..at + first[at..].find('"').unwrap()].replace("&amp;", "&");
    assert!(next.contains("q=orm"), "{next}");
    page(&visit(&app, &next).await, 200);
}

/// The words of `html` outside its tags: what a person reads.
fn text_of(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[tokio::test]
async fn reasons_read_in_the_words_of_the_page() {
    let uri = "/?use_case=data_driven&priorities=security&priorities=type_safety&deployment=serverless&languages=python&limit=3";
    let html = page(&visit(&app(), uri).await, 200);
    let results = &html[html.find("id=\"results\"").unwrap()..];
    let results = text_of(&results[..results.find("<form class=\"profile\"").unwrap()]);
    assert!(
        results.contains("Made for data-driven apps, one of the use cases it lists."),
        "{results}"
    );
    assert!(
        results.contains("Ships an ORM, migrations and an admin panel"),
        "{results}"
    );
    assert!(results.contains("(your second priority)"), "{results}");
    let identifiers: Vec<&str> = results
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|word| word.contains('_'))
        .collect();
    assert!(identifiers.is_empty(), "{identifiers:?}");
}

#[tokio::test]
async fn an_answer_sets_api_calls_as_code_and_names_its_frameworks() {
    let uri = "/questions?q=framework+for+serving+machine+learning+models";
    let html = page(&visit(&app(), uri).await, 200);
    assert!(
        html.contains("<code>GET /frameworks?use_case=ml_serving</code>"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"/catalog/fastapi\">FastAPI</a>"),
        "{html}"
    );
}
