//! Probes of the words added in the tuning to the seventh set: for each family of words for
//! a field (where it runs, features, qualities, kinds of project), posts written for it in
//! other words than any set's post.

use super::test_support::*;
use super::*;

/// Machines the writer runs or rents ("our own gpu boxes", "two VPSes", "their own windows
/// servers", "a rented dedicated box") are servers; pods are containers.
#[test]
fn where_it_runs_said_as_machines_or_pods() {
    assert_each_reads(
        deployment,
        &[
            "an inference api in python, it will run on three rented gpu boxes",
            "we deploy to a pair of VPSes with systemd, which go framework?",
            "clients self-host the product on their own windows servers, asp.net core?",
            "small elixir api, we lease a dedicated box from a local provider",
            "go api, it will run on a couple of OVH machines",
            "python api hosted on a vultr instance",
            "it runs in our datacenter, java",
            "kotlin api on lightsail",
        ],
        &[Deployment::Servers],
    );
    assert_each_reads(
        deployment,
        &[
            "api on aws app runner, typescript",
            "a small flask api we ship to fly.io",
            "a go api whose pods get restarted every night, gin or chi?",
        ],
        &[Deployment::Containers],
    );
}

/// Features said as what the product does, in other words than their names: work done in
/// the background, pages rendered on the server, a screen that changes with no reload or
/// updates pushed to a phone, many requests at once, keys for callers.
#[test]
fn features_said_as_what_the_product_does() {
    assert_includes(
        required_features,
        &[
            (
                "new order emails should go out in the background, python",
                Feature::BackgroundJobs,
            ),
            (
                "a kotlin backend whose cleanup jobs purge stale carts",
                Feature::BackgroundJobs,
            ),
            (
                "orders arrive through an SQS queue and get processed by a go service",
                Feature::BackgroundJobs,
            ),
            (
                "every page is rendered on the server, django or flask?",
                Feature::Templating,
            ),
            (
                "an invoicing tool whose html is rendered server side, ruby",
                Feature::Templating,
            ),
            (
                "scores should update on every viewer's screen without refresh, elixir",
                Feature::Websockets,
            ),
            (
                "driver positions pushed live to the passenger's phone, java",
                Feature::Websockets,
            ),
            (
                "we expect a lot of simultaneous requests, go or rust",
                Feature::AsyncNative,
            ),
            (
                "it has to juggle thousands of concurrent requests from scrapers, python",
                Feature::AsyncNative,
            ),
            (
                "each customer gets their own api key for the public endpoints, go backend",
                Feature::Auth,
            ),
            (
                "partners call us with access tokens we issue, c# api",
                Feature::Auth,
            ),
        ],
    );
}

/// Compliance in other words than its acronyms: regulators, audits, SOC 2 (an audit trail
/// alone is a feature of the product, not a quality asked).
#[test]
fn compliance_said_as_audits_and_regulators_is_security() {
    assert_each_includes(
        priorities,
        &[
            "the regulator audits us twice a year, java backend",
            "we are going for SOC 2 certification this year, c# backend",
            "a regulated lending product, kotlin or java?",
            "the auditors come every quarter, so whatever we pick in go has to pass them",
        ],
        Dimension::Security,
    );
}

/// Qualities said in other words than their names: a deadline counted in weeks or a month is
/// productivity; mistakes the compiler catches are type safety; finding people to hire is
/// the ecosystem.
#[test]
fn qualities_said_as_deadlines_compilers_and_hiring() {
    assert_includes(
        priorities,
        &[
            (
                "we want to get the first version out in a month, rails or django?",
                Dimension::Productivity,
            ),
            (
                "the investors want a demo in three weeks, python or node?",
                Dimension::Productivity,
            ),
            (
                "it must be out the door by the end of the month, laravel?",
                Dimension::Productivity,
            ),
            (
                "we want the compiler to catch mistakes before prod, typescript or go?",
                Dimension::TypeSafety,
            ),
            (
                "bugs caught by the compiler, not by customers. kotlin or rust?",
                Dimension::TypeSafety,
            ),
            (
                "I'd like the types to catch my typos, which python api framework?",
                Dimension::TypeSafety,
            ),
            (
                "finding developers for it should not be a struggle, java or go?",
                Dimension::Ecosystem,
            ),
            (
                "we hire for this in a small town, so something people know",
                Dimension::Ecosystem,
            ),
        ],
    );
}

/// Kinds of project said in other words: services counted or split into are microservices;
/// the public sector with many integrations is enterprise; a stream of events sized by its
/// rate is high throughput.
#[test]
fn kinds_of_project_said_in_other_words() {
    assert_reads(
        use_case,
        &[
            (
                "the platform starts as a dozen services behind one gateway, go or kotlin?",
                &[UseCase::Microservices],
            ),
            (
                "the platform will be about 8 services talking over a queue, typescript",
                &[UseCase::Microservices],
            ),
            (
                "breaking the old app into several small services, java or go?",
                &[UseCase::Microservices],
            ),
            (
                "a permit system for the municipality, .net or java?",
                &[UseCase::Enterprise],
            ),
            (
                "the ministry's permit portal has dozens of integrations, .net?",
                &[UseCase::Enterprise],
            ),
            (
                "a public sector records system that must last 15 years, java?",
                &[UseCase::Enterprise],
            ),
            (
                "a stream processor for clickstream events, millions per minute, go or rust?",
                &[UseCase::HighThroughput],
            ),
            (
                "event processing for sensor readings, 2 million a minute, rust?",
                &[UseCase::HighThroughput],
            ),
        ],
    );
    // Services not counted, or someone else's, name no kind.
    assert_each_lacks(
        use_case,
        &[
            "our services are in go, need a small api for invoices",
            "an async api that calls 10 other services, kotlin",
        ],
        UseCase::Microservices,
    );
}

/// "a backend for a … app" is an app's backend (docs/labelling.md: rest_api) unless a more
/// specific kind is named; "a backend for a beginner" names no project.
#[test]
fn a_backend_for_an_app_is_an_api() {
    assert_each_reads(
        use_case,
        &[
            "need a backend for a birdwatching app",
            "we want a backend for a plant-watering app, python",
            "my own backend for a small habit tracker app, in go",
        ],
        &[UseCase::RestApi],
    );
    assert_reads(
        use_case,
        &[
            (
                "a backend for a realtime chat app in elixir",
                &[UseCase::Realtime],
            ),
            ("what backend for a beginner, python or go?", &[]),
        ],
    );
}

/// How soon it runs is productivity ("up and running", "the fastest stack to ship"), not
/// speed at run time; booting fast on functions is serverless fit; knowing nothing of the
/// backend yet is being new to it.
#[test]
fn how_soon_how_it_boots_and_knowing_nothing_yet() {
    assert_includes(
        priorities,
        &[
            (
                "demo on friday, which is the fastest framework to get running?",
                Dimension::Productivity,
            ),
            (
                "which framework gets a crud api up and running quickest, python or node?",
                Dimension::Productivity,
            ),
            (
                "quickest stack to ship a landing api this week, node or python?",
                Dimension::Productivity,
            ),
            (
                "it runs on lambda so it should be fast to boot, hono?",
                Dimension::ServerlessFit,
            ),
            (
                "on cloudflare workers, we need something that boots quickly",
                Dimension::ServerlessFit,
            ),
            (
                "azure functions, and each one must be quick to start, c# or node?",
                Dimension::ServerlessFit,
            ),
            (
                "zero backend knowledge here, so something gentle for a recipe api",
                Dimension::EaseOfLearning,
            ),
            (
                "I have no backend experience at all, which language for a small api?",
                Dimension::EaseOfLearning,
            ),
            (
                "i don't know anything about servers, need an api for my app",
                Dimension::EaseOfLearning,
            ),
        ],
    );
    assert_each_lacks(
        priorities,
        &[
            "demo on friday, which is the fastest framework to get running?",
            "it runs on lambda so it should be fast to boot, hono?",
        ],
        Dimension::Performance,
    );
}

/// Servers and boxes named as where the thing runs, with no "our own" before them ("on cheap
/// servers we rent", "the school's servers", "two old dell boxes") are servers; servers that
/// do a job of the system ("web servers", "model servers") or that the writer would rather
/// not run are not a host.
#[test]
fn servers_and_boxes_named_as_the_host() {
    assert_each_reads(
        deployment,
        &[
            "a django api that will live on a few cheap servers we rent in frankfurt",
            "the school's servers only run php, so laravel or symfony for the grading tool?",
            "we host everything on two old dell boxes in the back room, go api",
        ],
        &[Deployment::Servers],
    );
    assert_each_lacks(
        deployment,
        &[
            "which language is best for web servers? a json api with lots of traffic",
            "a go gateway that sends traffic to model servers and batches it",
            "rather not manage servers, a small api for a quiz app in node",
        ],
        Deployment::Servers,
    );
}

/// An admin tool is the admin panel itself, and staff editing records through the product is
/// what one is for (docs/labelling.md: "staff managing the data").
#[test]
fn an_admin_tool_or_staff_editing_records_needs_an_admin_panel() {
    assert_each_includes(
        required_features,
        &[
            "we need admin tooling for the support desk over our mysql data, php or node?",
            "building an internal admin tool so finance can fix invoices, c# preferred",
            "a tiny web app where the office manager can edit records of our rentals, python",
        ],
        Feature::AdminPanel,
    );
}
