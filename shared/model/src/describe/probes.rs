//! Probes of the reading mechanics added in the tuning to the seventh set: for each rule,
//! posts written for it in other words than any set's post, so that a rule reads the kind
//! of post, not one post.

use super::test_support::*;
use super::*;

/// A sentence opening the way a question does ("is X overkill for…", "would X be too
/// heavy…") asks, with or without its question mark: the verdict weighs X.
#[test]
fn a_question_by_its_word_order_weighs_the_framework_without_a_question_mark() {
    for (text, weighed) in [
        (
            "is quarkus overkill for one small internal endpoint",
            "quarkus",
        ),
        (
            "would rails be too heavy for a weekend project lol",
            "rails",
        ),
        (
            "are laravel queues too much for a side project haha",
            "laravel",
        ),
    ] {
        let read = read(text);
        assert!(read.excluded_frameworks.is_empty(), "{text}");
        assert_eq!(preferred_frameworks(&read), [weighed], "{text}");
    }
    // Told, not asked: still ruled out.
    assert_reads(
        excluded_frameworks,
        &[(
            "quarkus is overkill for one small internal endpoint",
            &["quarkus"],
        )],
    );
}

/// A leaving word negated ("won't regret it") leaves nothing, and "pays off" is a gain, not
/// a departure.
#[test]
fn a_gain_or_a_regret_denied_leaves_nothing() {
    assert_each_reads(
        excluded_frameworks,
        &[
            "Phoenix for the chat service? I want to launch soon and not regret it later.",
            "we picked django once and never regretted it; django again for the new portal?",
            "rails pays off in the long run, or is sinatra enough for this api?",
            "our lead says the spring learning curve paid off for the last team",
        ],
        &[],
    );
}

/// "from X to Y": X is being left, Y is where the writer goes.
#[test]
fn a_move_from_one_framework_to_another_leaves_the_first() {
    for (text, left, kept) in [
        (
            "porting the billing service from flask to fastapi this quarter, any gotchas?",
            "flask",
            "fastapi",
        ),
        (
            "Should we take our monolith from rails to phoenix?",
            "rails",
            "phoenix",
        ),
        (
            "thinking about taking the whole api from koa to hono, worth the effort?",
            "koa",
            "hono",
        ),
    ] {
        let read = read(text);
        assert_eq!(excluded_frameworks(&read), [left], "{text}");
        assert_eq!(preferred_frameworks(&read), [kept], "{text}");
    }
}

/// A rewrite of "it", "the thing" or "the whole app" leaves what the writer has, named
/// before, however far back; what it is written in is context.
#[test]
fn a_rewrite_of_what_the_writer_has_leaves_it() {
    let cases = [
        (
            "Our team inherited a Sinatra app that nobody enjoys touching. We'd like to rebuild \
             it in Elixir, probably phoenix.",
            "sinatra",
            Language::Ruby,
        ),
        (
            "the current backend is laravel 5 code that falls apart every week. we plan to \
             port it to typescript. nestjs or fastify?",
            "laravel",
            Language::Php,
        ),
        (
            "My koa server runs out of memory every night. After months of patching, the \
             team wants to rewrite the whole thing in Rust.",
            "koa",
            Language::Javascript,
        ),
    ];
    for (text, left, context) in cases {
        let read = read(text);
        assert_eq!(excluded_frameworks(&read), [left], "{text}");
        assert!(!preferred_frameworks(&read).contains(&left), "{text}");
        assert!(!languages(&read).contains(&context), "{text}");
    }
}

/// A fix asked about what one runs is off topic, however it is asked: "what gives",
/// "ideas?", "how should … look", "figure out which …".
#[test]
fn a_fix_asked_in_other_words_is_off_topic() {
    assert_refused(&[
        "fastapi returns 422 on every upload even though I have the File() param set. what gives",
        "Our laravel jobs run twice after deploys, the queue worker still picks them up again. Ideas?",
        "gin middleware reads an empty body the second time; how should I restructure it?",
        "our CI spends 10 minutes in django tests and I need to figure out which fixtures cost the most",
    ]);
    // A choice keeps a trouble on topic.
    assert_on_topic(&[
        "our flask app keeps timing out, should we move to go?",
        "which is better for a beginner, flask or django?",
    ]);
}

/// "no-frills", "no-nonsense": the "no" is part of a word that praises, not a refusal of
/// what follows.
#[test]
fn a_no_joined_into_one_word_refuses_nothing() {
    for (text, language) in [
        ("want a no-frills go router for a small api", Language::Go),
        (
            "looking for a no-nonsense kotlin framework for our services",
            Language::Kotlin,
        ),
        (
            "any no-config python server that just works?",
            Language::Python,
        ),
    ] {
        let read = read(text);
        assert!(read.excluded_languages.is_empty(), "{text}");
        assert!(languages(&read).contains(&language), "{text}");
    }
    assert_reads(
        excluded_languages,
        &[("no python, we want something compiled", &[Language::Python])],
    );
}

/// A framework named with a verdict against it, a departure or a refusal, in many words
/// ("a hard no", "burned us", "was a mistake", "has had its day", "we want out"), is ruled
/// out; the ones offered beside it stay candidates.
#[test]
fn a_framework_given_a_negative_verdict_is_ruled_out() {
    for (text, out, candidates) in [
        (
            "django is a hard no for us, flask or fastapi?",
            "django",
            &["flask", "fastapi"][..],
        ),
        (
            "express burned us on the last project, want fastify or hono",
            "express",
            &["fastify", "hono"],
        ),
        (
            "after years on django we want out, thinking fastapi",
            "django",
            &["fastapi"],
        ),
        (
            "rails was a mistake for this app, looking at phoenix",
            "rails",
            &["phoenix"],
        ),
        (
            "we tried nest and it was a nightmare, hono or elysia?",
            "nestjs",
            &["hono", "elysia"],
        ),
        (
            "spring boot has been nothing but pain, moving on to ktor",
            "spring-boot",
            &["ktor"],
        ),
        (
            "express has had its day for us; fastify?",
            "express",
            &["fastify"],
        ),
        (
            "laravel is dead to me now. symfony?",
            "laravel",
            &["symfony"],
        ),
        (
            "we're over django, looking at fastapi",
            "django",
            &["fastapi"],
        ),
        ("laravel has to go. symfony?", "laravel", &["symfony"]),
        (
            "rails? never again. phoenix or django?",
            "rails",
            &["phoenix", "django"],
        ),
        (
            "we ruled out django early, fastapi or flask?",
            "django",
            &["fastapi", "flask"],
        ),
        (
            "koa was ruled out by the lead, hono or fastify?",
            "koa",
            &["hono", "fastify"],
        ),
    ] {
        let read = read(text);
        assert_eq!(excluded_frameworks(&read), [out], "{text}");
        assert_eq!(preferred_frameworks(&read), candidates, "{text}");
    }
}

/// The same verdicts on a language rule it out; "not touching X" keeps X unless "again"
/// says the writer will not go back to it.
#[test]
fn a_language_given_a_negative_verdict_is_ruled_out() {
    assert_reads(
        excluded_languages,
        &[
            (
                "keep php out of it, we want a typed language",
                &[Language::Php],
            ),
            ("PHP is dead to us, what about go?", &[Language::Php]),
            (
                "not touching the JVM again after the last project. rust or go?",
                &[Language::Java, Language::Kotlin],
            ),
            (
                "ruby burned us twice, so something compiled this time",
                &[Language::Ruby],
            ),
            (
                "java is a non-starter for this team, go?",
                &[Language::Java],
            ),
            ("kotlin has to go, the team wants go", &[Language::Kotlin]),
            ("php? never again. go or python?", &[Language::Php]),
            (
                "we're not touching our java services, the new one is in kotlin",
                &[],
            ),
        ],
    );
}

/// What the writer has written for years, or comes from, is context when another language
/// is asked for ("been writing", "years of", "a PHP background", "came from").
#[test]
fn a_language_the_writer_comes_from_is_context() {
    assert_reads(
        languages,
        &[
            (
                "I've been writing python professionally since 2015; for this side api I am curious about go",
                &[Language::Go],
            ),
            (
                "everyone on the team has a php background; the new service will be in kotlin",
                &[Language::Kotlin],
            ),
            (
                "after five years of ruby I'd like to try elixir for this chat server",
                &[Language::Elixir],
            ),
            (
                "our whole team has a C# background but the client insists on java",
                &[Language::Java],
            ),
        ],
    );
}

/// A move of what the writer has, with the verb apart from its "in"/"to" ("rewriting the slow
/// ones in rust") or the thing as "it" ("moving it to go"), leaves the language it is in.
#[test]
fn a_move_of_part_of_what_the_writer_has_leaves_its_language() {
    assert_reads(
        languages,
        &[
            (
                "a few of our node lambdas are slow; the plan is porting just those to rust",
                &[Language::Rust],
            ),
            (
                "builds of our scala api take forever, thinking of moving it to go",
                &[Language::Go],
            ),
            (
                "our billing jobs are php scripts; we plan on porting a few of them to kotlin",
                &[Language::Kotlin],
            ),
        ],
    );
}

/// Asking for a language or a framework is about a backend even when the writer describes
/// themselves by what is off topic ("only knows html/css").
#[test]
fn asking_for_a_language_is_on_topic_whatever_the_writer_knows() {
    assert_on_topic(&[
        "which backend lang suits someone who only does html and css?",
        "i do css and figma all day, which language should i use for my first api?",
        "designer here (photoshop, css), what framework for a tiny server of my own?",
    ]);
    assert_refused(&["best css framework for a landing page?"]);
}

/// A rewrite said as a noun leaves what the writer has: named before it, or after its "of".
#[test]
fn a_rewrite_said_as_a_noun_leaves_what_the_writer_has() {
    assert_reads(
        excluded_frameworks,
        &[
            (
                "We inherited a Yii app from an agency. Management approved a full rewrite; laravel or symfony?",
                &["yii"],
            ),
            (
                "the old sails backend needs a rewrite. nest or fastify?",
                &["sails"],
            ),
            (
                "planning a rewrite of our flask api, fastapi or litestar?",
                &["flask"],
            ),
        ],
    );
}

/// Asking which of the languages offered to learn is choosing between them, not asking for
/// an easy one (docs/labelling.md: learning is not `ease_of_learning` by itself).
#[test]
fn asking_which_of_two_to_learn_is_not_a_wish_for_an_easy_one() {
    assert_each_lacks(
        priorities,
        &[
            "go or elixir for the server side, which one do I learn first?",
            "python or go - which one should I learn next for apis?",
            "kotlin vs java, what do I learn first for backend jobs?",
        ],
        Dimension::EaseOfLearning,
    );
    assert_each_includes(
        priorities,
        &[
            "what's easy to learn for a first api, python or go?",
            "laravel or rails: which is easier to learn for two designers?",
        ],
        Dimension::EaseOfLearning,
    );
}

/// A verdict on what someone else proposed, said of "that" ("that's a bad idea", "that is
/// crazy", "that's overkill"), rules out the name "that" stands for.
#[test]
fn a_verdict_said_of_that_rules_out_what_was_proposed() {
    assert_reads(
        excluded_languages,
        &[
            (
                "my boss wants everything in java. honestly that's a bad idea for two devs, python or go?",
                &[Language::Java],
            ),
            (
                "the CTO proposes rewriting it all in rust. I think that is crazy for our deadline. rails?",
                &[Language::Rust],
            ),
        ],
    );
    assert_reads(
        excluded_frameworks,
        &[(
            "someone suggested nestjs for the tiny webhook service; that's overkill, hono or express?",
            &["nestjs"],
        )],
    );
}

/// Tuning the database one has, or a career, asks for no backend choice: off topic; a
/// project that has tables, or a job market weighed for a framework, is not.
#[test]
fn database_tuning_and_careers_are_off_topic() {
    assert_refused(&[
        "should I add an index on created_at in postgres? the lookup by date is slow",
        "mysql deadlocks every night during the import, how do people avoid them",
        "is it worth becoming a backend developer in 2025 with all the layoffs?",
        "thinking about a career switch from teaching, is it realistic at 35?",
    ]);
    assert_on_topic(&[
        "an inventory app with lots of tables and slow queries today, django or rails?",
        "I want to become a backend developer, is spring boot or django better for a first api?",
    ]);
}

/// "has to go" refuses only where the clause ends: "the rust api has to go fast" asks speed
/// of the Rust API.
#[test]
fn going_somewhere_is_not_a_refusal() {
    assert_each_reads(
        excluded_languages,
        &[
            "the rust api has to go fast, axum or actix?",
            "python must go with the data team's stack, fastapi?",
        ],
        &[],
    );
}

/// A verdict on a thing built in a language ("our php 5 codebase is unmaintainable") judges
/// the thing, not the language: the language is context, and its frameworks offered after
/// stay candidates.
#[test]
fn a_verdict_on_a_thing_built_in_a_language_keeps_the_language_open() {
    for (text, candidates) in [
        (
            "our php 5 codebase is unmaintainable, time to move on. laravel or symfony?",
            &["laravel", "symfony"][..],
        ),
        (
            "the python scripts we run today are a mess; django or fastapi for a proper api?",
            &["django", "fastapi"],
        ),
        (
            "our java monolith is bloated, spring boot or quarkus for the new services?",
            &["spring-boot", "quarkus"],
        ),
    ] {
        let read = read(text);
        assert!(read.excluded_languages.is_empty(), "{text}");
        assert_eq!(preferred_frameworks(&read), candidates, "{text}");
    }
    assert_reads(
        excluded_languages,
        &[("php is a mess, go or python?", &[Language::Php])],
    );
}

/// A switch or move whose object stands between the verb and its "to" ("switching the api
/// to go") leaves what the writer has.
#[test]
fn a_switch_of_what_the_writer_has_leaves_it() {
    assert_reads(
        excluded_frameworks,
        &[
            (
                "after 6 years of django, we're switching the api to go",
                &["django"],
            ),
            (
                "our express server works, but we're moving the billing part to nestjs",
                &["express"],
            ),
            (
                "flask served us well; now switching everything to litestar",
                &["flask"],
            ),
        ],
    );
}

/// The language named right beside a framework being left is what the thing left is written
/// in: context, not a choice.
#[test]
fn the_language_of_a_framework_left_is_context() {
    assert_reads(
        languages,
        &[
            (
                "the node/express monolith a contractor left us is on its last legs; rewrite it in go?",
                &[Language::Go],
            ),
            (
                "billing lives in a Python service (flask, 2019) that flakes weekly; porting it to rust",
                &[Language::Rust],
            ),
            (
                "we inherited a ruby sinatra app and approved a full rewrite. elixir maybe?",
                &[Language::Elixir],
            ),
        ],
    );
}

/// Trouble with what runs, asked about as "help", "any idea why", "getting …", or how to
/// structure what one has, is a fix to ask for: off topic.
#[test]
fn trouble_and_structure_asked_in_other_words_are_off_topic() {
    assert_refused(&[
        "laravel queue worker eats all the memory after a day, any idea why?",
        "getting connection refused from the express api inside docker compose",
        "rails db:migrate hangs forever on heroku, help",
        "the koa server leaks file handles overnight, why",
        "what's the proper way to structure a gin project with handlers and services?",
        "right way to split routes into modules in fastify?",
    ]);
    assert_on_topic(&[
        "our flask api leaks memory under load, should we move to go?",
        "need help picking a backend for a realtime chat: elixir or go?",
    ]);
}

/// A choice between front ends with the backend said to be settled is a front-end question:
/// off topic (docs/labelling.md); the same settled backend with a backend choice is not.
#[test]
fn a_front_end_choice_with_the_backend_settled_is_off_topic() {
    assert_refused(&[
        "svelte or vue for the dashboard frontend? our api is already in go",
        "react or vue for a small internal dashboard? the backend is done in django",
        "angular or react for the client portal, the backend is already built in .net",
    ]);
    assert_on_topic(&["the backend is already in go; for the new chat service, gin or echo?"]);
}

/// A language refused rules out the language, not the frameworks in it the writer knows:
/// they are neither chosen nor ruled out; a language left takes the writer's frameworks in
/// it along.
#[test]
fn a_language_refused_leaves_its_frameworks_named_alone_and_one_left_takes_them() {
    for (text, named) in [
        (
            "Spent a decade in Django, but Python is out for this one; the client wants Go or Java.",
            "django",
        ),
        (
            "I know Laravel inside out, yet the team says no PHP. Suggestions for a Kotlin API?",
            "laravel",
        ),
        (
            "Five years of Express behind me, but no JavaScript on this project please. Rust or Go?",
            "express",
        ),
    ] {
        let read = read(text);
        assert!(!read.excluded_languages.is_empty(), "{text}");
        assert!(!excluded_frameworks(&read).contains(&named), "{text}");
        assert!(!preferred_frameworks(&read).contains(&named), "{text}");
    }
    assert_reads(
        excluded_frameworks,
        &[
            (
                "Migrating away from PHP after a decade on Symfony; Go for the new billing api?",
                &["symfony"],
            ),
            (
                "Done with Kotlin after three years on Ktor, switching the team to Go",
                &["ktor"],
            ),
        ],
    );
}

/// A departure that ends in its preposition ("a replacement for") points at what follows
/// it: the language named before it is the new one, and its frameworks offered are
/// candidates.
#[test]
fn a_replacement_for_something_leaves_what_follows_not_what_precedes() {
    for (text, language, candidates) in [
        (
            "the kotlin replacement for our old billing service: ktor or micronaut?",
            Language::Kotlin,
            vec!["ktor", "micronaut"],
        ),
        (
            "Looking for a go replacement for the reporting service, gin or echo?",
            Language::Go,
            vec!["gin", "echo"],
        ),
        (
            "need an elixir replacement for the chat server, phoenix probably",
            Language::Elixir,
            vec!["phoenix"],
        ),
    ] {
        let read = read(text);
        assert!(read.excluded_languages.is_empty(), "{text}");
        assert!(languages(&read).contains(&language), "{text}");
        assert_eq!(preferred_frameworks(&read), candidates, "{text}");
    }
}

/// A quality told of a named framework or language after a word of reporting is someone's
/// claim, not a quality the writer asks for; the writer's own need still counts.
#[test]
fn a_quality_someone_else_claims_is_not_asked_for() {
    assert_each_reads(
        priorities,
        &[
            "my cousin swears Elixir scales to millions. is phoenix too much for a small club website?",
            "Everyone says Go is really fast. for a small internal tool, go or python?",
            "heard Fastify is blazing fast, but I'd rather have structure. nest or adonis?",
        ],
        &[],
    );
    assert_reads(
        priorities,
        &[(
            "we need low latency above all, go or rust?",
            &[Dimension::Performance],
        )],
    );
}

/// A language left as the word before the thing it built (an app, services, a codebase)
/// leaves the thing: the language is context and its frameworks offered stay candidates; a
/// language left outright is ruled out.
#[test]
fn a_language_naming_a_thing_left_is_context() {
    assert_each_reads(
        excluded_languages,
        &[
            "replacing the ruby services we have with something typed, kotlin maybe",
            "getting rid of a crusty php codebase, laravel or symfony?",
            "ditching the python scripts that run our nightly exports, rust or go?",
            "a rewrite of the java monolith, spring again or quarkus?",
        ],
        &[],
    );
    assert_reads(
        preferred_frameworks,
        &[(
            "getting rid of a crusty php codebase, laravel or symfony?",
            &["laravel", "symfony"],
        )],
    );
    assert_reads(
        excluded_languages,
        &[("moving off ruby entirely, go or elixir?", &[Language::Ruby])],
    );
}

/// The kind of project the writer comes from ("a machine learning background", "years of
/// fintech work") is context, as a language known is: the project asked about is another.
#[test]
fn the_kind_of_project_the_writer_comes_from_is_context() {
    assert_each_reads(
        use_case,
        &[
            "coming from a machine learning background, I want a rest api for a todo app in go",
            "years of fintech work behind me, but this one is a small api for a bakery",
            "I have a data science background and need a rest api for a pet clinic",
            "been using django for blogs forever, now a small api for a parking app",
        ],
        &[UseCase::RestApi],
    );
}

/// "like X" after a thing the writer wants gives an example of that thing, not X as a
/// choice (docs/labelling.md: named only for comparison); after a word of liking or seeming,
/// or a comparative offering the kind wanted, it stays what it was.
#[test]
fn like_after_a_thing_wanted_gives_an_example_not_a_choice() {
    assert_each_reads(
        preferred_frameworks,
        &[
            "need a go framework with an admin panel like django's, any ideas?",
            "want a php framework that has code generators, like phoenix. any picks?",
            "which kotlin framework gives me a migrations tool like laravel artisan?",
        ],
        &[],
    );
    assert_each_includes(
        preferred_frameworks,
        &[
            "we really like django for this kind of admin work, thoughts for a shop api?",
            "flask feels too bare, maybe something simpler like django? for a blog api",
        ],
        "django",
    );
}

/// A failure or misfit told of a framework after its name ("the spring service is hitting
/// its limits", "our django app turned into a mess", "rails is more than we need") rules it
/// out, as "X burned us" does.
#[test]
fn a_failure_told_after_the_name_rules_the_framework_out() {
    assert_reads(
        excluded_frameworks,
        &[
            (
                "our spring boot service is hitting its limits at peak, go or rust next?",
                &["spring-boot"],
            ),
            (
                "our django app turned into a mess over five years; rebuild it in laravel?",
                &["django"],
            ),
            (
                "rails seems like more than we need for a tiny webhook receiver, sinatra?",
                &["rails"],
            ),
            (
                "gin feels too bare for a big team, something with more structure in go?",
                &["gin"],
            ),
        ],
    );
}
