//! `shared/routes.json` is the one route table. Terraform reads it (its tests check the API
//! routes against it), `router_edges.rs` holds every router to it, and this file holds the
//! rest: the `cargo lambda watch` router and the set of function crates.

#![allow(clippy::unwrap_used)]

mod support;

use std::collections::{BTreeMap, BTreeSet};

use support::{function_names, routes};

const WORKSPACE_MANIFEST: &str = include_str!("../../Cargo.toml");

/// Function crates run by a schedule, not routed: `local.scheduled_functions` in
/// `infra/refresh.tf`.
const SCHEDULED: &[&str] = &["refresh"];

#[test]
fn the_watch_router_sends_each_path_to_the_function_of_the_table() {
    let manifest: toml::Table = WORKSPACE_MANIFEST.parse().unwrap();
    let router = manifest["workspace"]["metadata"]["lambda"]["watch"]["router"]
        .as_table()
        .unwrap();
    let watch: BTreeMap<String, String> = router
        .iter()
        .map(|(path, function)| (path.clone(), function.as_str().unwrap().to_owned()))
        .collect();
    let table: BTreeMap<String, String> = routes()
        .into_iter()
        .map(|route| (route.path, route.function))
        .collect();
    assert_eq!(watch, table);
}

#[test]
fn every_path_belongs_to_one_function() {
    // The watch router and API Gateway integrations send a whole path to one function.
    let mut owners: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for route in routes() {
        owners.entry(route.path).or_default().insert(route.function);
    }
    for (path, functions) in owners {
        assert_eq!(functions.len(), 1, "{path} is split across {functions:?}");
    }
}

#[test]
fn the_function_crates_the_table_and_the_local_server_name_the_same_functions() {
    let crates: BTreeSet<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../functions"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| !SCHEDULED.contains(&name.as_str()))
            .collect();
    let table: BTreeSet<String> = routes().into_iter().map(|route| route.function).collect();
    let local: BTreeSet<String> = function_names().into_iter().map(str::to_owned).collect();
    assert_eq!(crates, table, "functions/ vs shared/routes.json");
    assert_eq!(
        local, table,
        "local_server::FUNCTIONS vs shared/routes.json"
    );
}

#[test]
fn no_function_depends_on_another() {
    // A function that imports another deploys its code and breaks when it changes: what two
    // functions share lives in shared/ (model, edge, runtime, dynamo).
    let functions = concat!(env!("CARGO_MANIFEST_DIR"), "/../functions");
    let names: BTreeSet<String> = std::fs::read_dir(functions)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for name in &names {
        let manifest: toml::Table =
            std::fs::read_to_string(format!("{functions}/{name}/Cargo.toml"))
                .unwrap()
                .parse()
                .unwrap();
        for section in ["dependencies", "dev-dependencies", "build-dependencies"] {
            let Some(dependencies) = manifest.get(section).and_then(toml::Value::as_table) else {
                continue;
            };
            let imported: Vec<&String> = dependencies
                .keys()
                .filter(|dependency| names.contains(*dependency))
                .collect();
            assert!(
                imported.is_empty(),
                "functions/{name} [{section}] imports the function(s) {imported:?}"
            );
        }
    }
}
