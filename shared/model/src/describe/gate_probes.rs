//! Probes of the gate that keeps a post on topic only with a sign that advice is wanted
//! (`shape::wants_advice` and the fields' readings of a project or a choice): posts written
//! for each rule in other words than any set's post.

use super::test_support::{assert_on_topic, assert_refused};

/// A post is on topic only with a sign that advice is wanted: a question about a framework or
/// language it names, with names of its own (behaviour, an upgrade, a design) and no choice
/// asked, nor a project to build, is refused whatever it names.
#[test]
fn a_question_about_what_runs_with_no_choice_or_project_is_off_topic() {
    assert_refused(&[
        "Phoenix LiveView: the form resets after every validation event. Is that expected behaviour?",
        "Gin context values vanish between middleware in a goroutine, is that by design?",
        "Celery beat runs every task twice since the upgrade to Django 5. Seen this before?",
        "Nest guards run before interceptors, right? Just checking the order.",
        "Express sessions vanish after a deploy on Heroku. Redis store is set. Clues?",
    ]);
}

/// What counts as that sign: a framework or language weighed in a question (for a kind of
/// project, with a verdict, or as what the writer asks for), asking what others think, or a
/// project told without a question.
#[test]
fn a_framework_weighed_or_a_project_told_is_on_topic() {
    assert_on_topic(&[
        "is laravel too much for a tiny link shortener?",
        "fiber for a chat server?",
        "kotlin. mobile backend. opinions?",
        "what's the django of go?",
        "a ledger service in rust on ec2, postgres, nightly batch jobs",
    ]);
}

/// Where it runs is not what a backend is made of: weighing tools or places alone, or
/// learning them, asks no choice of stack; two places weighed for a project or a framework
/// named do.
#[test]
fn places_and_tools_alone_are_off_topic_but_places_for_a_stack_are_not() {
    assert_refused(&[
        "should I learn docker before kubernetes?",
        "is it worth learning terraform before touching aws lambda?",
        "ECS or EKS, which one would you pick?",
        "helm or kustomize for our cluster, which is better?",
    ]);
    assert_on_topic(&[
        "lambda or containers for our api?",
        "docker or bare metal for a django app?",
        "vps or lambda for a small go service?",
    ]);
}

/// A word of picking counts for what it picks: a learning resource or a name as the topic
/// of another thing ("a tutorial for fastapi", "podcasts about rust") asks no choice of
/// stack; a framework, a stack, a crate or the names themselves do.
#[test]
fn a_pick_of_something_else_than_a_stack_is_off_topic() {
    assert_refused(&[
        "recommend a good tutorial for fastapi auth?",
        "Any good podcasts about Rust web development?",
        "best cheat sheet for express routing?",
    ]);
    assert_on_topic(&[
        "which crate for a rust web api?",
        "best lightweight framework for a go api?",
        "recommend a stack for a small booking app?",
        "which one would you pick for a kotlin api, ktor or spring?",
    ]);
}

/// Staying is the other side of a move: asking whether to stay weighs what the writer has.
#[test]
fn asking_whether_to_stay_is_a_choice() {
    assert_on_topic(&[
        "Our Node API handles 500 rps fine but we expect 10x next year. Stay or move?",
        "Rails has served us for years, but traffic is tripling. Do we stick?",
        "the django monolith is getting big. staying put, or is it time?",
    ]);
}

/// A question of a name and a word at most asks what others make of the name.
#[test]
fn a_bare_name_asked_about_is_weighed() {
    assert_on_topic(&[
        "NestJS, yes or no?",
        "Quarkus experiences?",
        "Ktor in 2025?",
    ]);
}

/// A pain of what the writer has ("slow", "laggy") tells of it, not of a quality wanted, and
/// the kind of project of a post telling of trouble or pain is what the writer has: asked
/// with no choice ("any idea?" is no idea for a project), the post is a fix to ask for.
#[test]
fn a_pain_of_what_the_writer_has_asked_without_a_choice_is_off_topic() {
    assert_refused(&[
        "the rails app is slow on the reports page, any idea?",
        "our flask dashboard got sluggish since we added charts, any idea why?",
        "the spring admin screens are laggy with big tables, any clue?",
    ]);
    assert_on_topic(&[
        "our api is too slow, should we move to go?",
        "our laravel shop crashes on black friday, symfony?",
        "I have an idea for a recipe app, which framework?",
    ]);
}

/// A question right after a name that asks of it by a pronoun ("is it good for…?") weighs
/// the name as a question in its own sentence would.
#[test]
fn a_question_of_a_name_told_just_before_weighs_it() {
    assert_on_topic(&[
        "Hummingbird 2 just came out. is it good for a small api?",
        "Vapor 4 landed last month. is it solid for a small api?",
        "A colleague showed me Hono yesterday. is it good for a tiny json api?",
    ]);
}
