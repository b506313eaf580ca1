"""Every operation of the API through the client openapi-python-client generated from the served
document, against a local server with writes allowed. Checks what the client parsed, not raw
JSON: a field the generator could not express would fail here.

usage: drive_python.py BASE_URL   (the generated package `stack_advisor_client` on sys.path)
"""

from __future__ import annotations

import sys
from urllib.parse import parse_qsl, urlsplit

import httpx
from stack_advisor_client import Client
from stack_advisor_client.api.catalog import (
    delete_framework,
    get_framework,
    get_trends,
    list_frameworks,
    put_framework,
)
from stack_advisor_client.api.compare import compare_frameworks
from stack_advisor_client.api.faq import get_faq_entry, list_faq
from stack_advisor_client.api.meta import openapi
from stack_advisor_client.api.recommend import recommend
from stack_advisor_client.models import (
    Comparison,
    Deployment,
    Dimension,
    FaqEntry,
    FaqList,
    Feature,
    Framework,
    FrameworkDetail,
    FrameworkInput,
    FrameworkList,
    Language,
    Problem,
    Sort,
    Trends,
    RecommendationRequestType0,
    RecommendationRequestType1,
    Recommendations,
    UseCase,
)
from stack_advisor_client.models.put_framework_if_none_match import PutFrameworkIfNoneMatch

NEW_ID = "python-client-check"


# Every request the client sends, so a check can say which form of a list went on the wire.
SENT: list[httpx.URL] = []


def main(base_url: str) -> None:
    client = Client(
        base_url=base_url,
        raise_on_unexpected_status=True,
        httpx_args={"event_hooks": {"request": [lambda request: SENT.append(request.url)]}},
    )
    checks = [
        ("listFrameworks with array filters", list_with_array_filters),
        ("getFramework, then 304 with its ETag", get_then_not_modified),
        ("getFramework unknown id: 404 problem", unknown_framework_problem),
        ("listFrameworks by latest release, released within 24 months", list_by_release),
        ("getTrends", trends),
        ("compareFrameworks ids + priorities", compare),
        ("recommend with a profile", recommend_profile),
        ("recommend with a description", recommend_description),
        ("recommend with frameworks by name", recommend_frameworks_by_name),
        ("listFaq search, then getFaqEntry", faq_search_and_entry),
        ("openapi", served_document),
        ("putFramework create, replace; deleteFramework", write_lifecycle),
    ]
    for name, check in checks:
        check(client)
        print(f"python client: ok  {name}")
    print(f"python client: {len(checks)} passed, 0 failed")


def list_with_array_filters(client: Client) -> None:
    response = list_frameworks.sync_detailed(
        client=client, language=[Language.PYTHON, Language.GO], limit=100
    )
    listing = expect(response, 200, FrameworkList)
    # This generator repeats the key whatever `explode: false` says: the form the server must read.
    sent = parse_qsl(urlsplit(str(SENT[-1])).query)
    require([v for k, v in sent if k == "language"] == ["python", "go"], f"sent {sent}")
    languages = {item.language for item in listing.items}
    require(languages == {Language.PYTHON, Language.GO}, f"languages {languages}")
    newer = [Language.SWIFT, Language.SCALA, Language.CPP]
    listing = expect(list_frameworks.sync_detailed(client=client, language=newer, limit=100), 200, FrameworkList)
    require({item.language for item in listing.items} == set(newer), f"languages {listing.items}")
    whole = expect(list_frameworks.sync_detailed(client=client, limit=100), 200, FrameworkList)
    require(len(whole.items) >= 60 and whole.next_cursor is None, f"{len(whole.items)} frameworks in one page")
    response = list_frameworks.sync_detailed(
        client=client,
        language=[Language.PYTHON, Language.JAVASCRIPT, Language.TYPESCRIPT],
        feature=[Feature.WEBSOCKETS],
        use_case=[UseCase.REST_API],
    )
    listing = expect(response, 200, FrameworkList)
    require(listing.items, "websocket REST frameworks in three languages: none found")
    require(all(Feature.WEBSOCKETS in item.features for item in listing.items), "feature filter ignored")


def get_then_not_modified(client: Client) -> None:
    response = get_framework.sync_detailed("django", client=client)
    framework = expect(response, 200, FrameworkDetail)
    require(framework.id == "django" and framework.language == Language.PYTHON, f"{framework.id}")
    facts = framework.facts
    require(facts.source_url.startswith("https://"), f"source {facts.source_url}")
    require(facts.latest.date <= facts.as_of.date(), f"latest {facts.latest.date}, as of {facts.as_of}")
    etag = response.headers["etag"]
    again = get_framework.sync_detailed("django", client=client, if_none_match=etag)
    require(again.status_code == 304 and again.parsed is None, f"status {again.status_code}")


def unknown_framework_problem(client: Client) -> None:
    problem = expect(get_framework.sync_detailed("djnago", client=client), 404, Problem)
    require(problem.status == 404, f"problem status {problem.status}")
    require(isinstance(problem.suggestions, list) and "django" in problem.suggestions, "no suggestion of django")


def latest_days(client: Client) -> dict:
    listing = expect(list_frameworks.sync_detailed(client=client, limit=100), 200, FrameworkList)
    days = {}
    for item in listing.items:
        facts = expect(get_framework.sync_detailed(item.id, client=client), 200, FrameworkDetail).facts
        days[item.id] = facts.latest.date if facts and facts.latest else None
    return days


def list_by_release(client: Client) -> None:
    days = latest_days(client)
    response = list_frameworks.sync_detailed(client=client, sort=Sort.LATEST_RELEASE, limit=100)
    order = [item.id for item in expect(response, 200, FrameworkList).items]
    known = [days[i] for i in order if days[i] is not None]
    require(known == sorted(known, reverse=True), f"not newest first: {order}")
    response = list_frameworks.sync_detailed(client=client, released_within_months=24, limit=100)
    recent = {item.id for item in expect(response, 200, FrameworkList).items}
    newest = max(known)
    require(any(days[i] == newest for i in recent), f"the newest release is missing from {recent}")
    require(recent < set(days), f"released_within_months=24 kept all of {recent}")


def trends(client: Client) -> None:
    result = expect(get_trends.sync_detailed(client=client), 200, Trends)
    require(result.by_framework, "no framework series")
    for grouping in (result.by_language, result.by_category):
        totals = [sum(series.per_year.additional_properties.values()) for series in grouping]
        framework_totals = [sum(s.per_year.additional_properties.values()) for s in result.by_framework]
        require(sum(totals) == sum(framework_totals), "groupings do not add up their frameworks")
    django = next(s for s in result.by_framework if s.key == "django")
    require(
        sum(django.per_quarter.additional_properties.values()) == sum(django.per_year.additional_properties.values()),
        "django's quarters and years disagree",
    )


def compare(client: Client) -> None:
    response = compare_frameworks.sync_detailed(
        client=client,
        ids=["django", "fastapi", "gin"],
        priorities=[Dimension.PERFORMANCE, Dimension.SECURITY],
    )
    comparison = expect(response, 200, Comparison)
    sent = parse_qsl(urlsplit(str(SENT[-1])).query)
    require([v for k, v in sent if k == "ids"] == ["django", "fastapi", "gin"], f"sent {sent}")
    ids = [framework.id for framework in comparison.frameworks]
    require(ids == ["django", "fastapi", "gin"], f"compared {ids}")
    require(comparison.verdict.winner in ids, f"winner {comparison.verdict.winner}")


def recommend_profile(client: Client) -> None:
    # The request is "use_case or description, plus optional fields": the generator makes one
    # class per anyOf branch holding only that branch's required field and drops the fields
    # beside the anyOf, so the optional ones go in as the class's additional properties.
    body = RecommendationRequestType0(use_case=UseCase.REST_API)
    body["priorities"] = [Dimension.PERFORMANCE.value, Dimension.TYPE_SAFETY.value]
    body["deployment"] = Deployment.SERVERLESS.value
    body["languages"] = [Language.RUST.value, Language.GO.value]
    body["limit"] = 3
    result = expect(recommend.sync_detailed(client=client, body=body), 200, Recommendations)
    require(0 < len(result.recommendations) <= 3, f"{len(result.recommendations)} recommendations")
    require(result.profile.use_case == UseCase.REST_API, f"profile use case {result.profile.use_case}")
    require(result.profile.limit == 3, f"profile limit {result.profile.limit}")
    listing = list_frameworks.sync_detailed(client=client, language=[Language.RUST, Language.GO], limit=100)
    in_languages = {item.id for item in expect(listing, 200, FrameworkList).items}
    recommended = [r.id for r in result.recommendations]
    require(set(recommended) <= in_languages, f"recommended outside rust and go: {recommended}")
    # The sentences and, beside them, their facts: the same items in the same order.
    for item in result.recommendations:
        require([d.text for d in item.reason_details] == item.reasons, f"reason details of {item.id}")
        require([d.text for d in item.caveat_details] == item.caveats, f"caveat details of {item.id}")
    suits = [d for d in result.recommendations[0].reason_details if d.kind == "deployment"]
    require(suits and suits[0].deployment == Deployment.SERVERLESS, f"deployment reason {suits}")


def recommend_description(client: Client) -> None:
    body = RecommendationRequestType1(description="realtime chat in typescript on lambda, must scale")
    result = expect(recommend.sync_detailed(client=client, body=body), 200, Recommendations)
    profile = result.profile
    require(profile.use_case == UseCase.REALTIME, f"read use case {profile.use_case}")
    require(profile.languages == [Language.TYPESCRIPT], f"read languages {profile.languages}")
    require(profile.deployment == Deployment.SERVERLESS, f"read deployment {profile.deployment}")
    require(result.recommendations, "no recommendation for a described project")
    listing = list_frameworks.sync_detailed(client=client, language=[Language.TYPESCRIPT], limit=100)
    in_typescript = {item.id for item in expect(listing, 200, FrameworkList).items}
    recommended = [r.id for r in result.recommendations]
    require(set(recommended) <= in_typescript, f"recommended outside typescript: {recommended}")


def recommend_frameworks_by_name(client: Client) -> None:
    # "not django" in the words, Flask preferred and Django also preferred in the request:
    # the exclusion wins, and the preferred framework comes first.
    body = RecommendationRequestType1(description="internal dashboard in python, not django please")
    body["preferred_frameworks"] = ["flask", "django"]
    result = recommend_naming(client, body, excluded="django", preferred="flask")
    first_reason = result.recommendations[0].reason_details[0]
    require(first_reason.kind == "preferred", f"first reason {first_reason.kind}")
    django = [e for e in result.excluded if e.id == "django"]
    require(django and django[0].named_out, f"django exclusion {django}")
    # Both fields given in the request, no words: the exclusion still wins.
    explicit = RecommendationRequestType0(use_case=UseCase.REST_API)
    explicit["languages"] = [Language.PYTHON.value]
    explicit["excluded_frameworks"] = ["fastapi"]
    explicit["preferred_frameworks"] = ["fastapi", "flask"]
    recommend_naming(client, explicit, excluded="fastapi", preferred="flask")


def recommend_naming(
    client: Client, body: RecommendationRequestType0 | RecommendationRequestType1, excluded: str, preferred: str
) -> Recommendations:
    """Asks with `body`: `excluded` is ruled out, and of the preferred frameworks only
    `preferred` is kept and comes first."""
    result = expect(recommend.sync_detailed(client=client, body=body), 200, Recommendations)
    require(result.profile.excluded_frameworks == [excluded], f"excluded {result.profile.excluded_frameworks}")
    require(result.profile.preferred_frameworks == [preferred], f"preferred {result.profile.preferred_frameworks}")
    recommended = [r.id for r in result.recommendations]
    require(recommended and recommended[0] == preferred, f"{preferred} not first: {recommended}")
    require(excluded not in recommended, f"{excluded} recommended: {recommended}")
    return result


def faq_search_and_entry(client: Client) -> None:
    found = expect(list_faq.sync_detailed(client=client, q="fastest python framework", limit=3), 200, FaqList)
    require(0 < len(found.items) <= 3, f"{len(found.items)} results")
    first = found.items[0]
    require(first.score > 0, f"score {first.score}")
    entry = expect(get_faq_entry.sync_detailed(first.id, client=client), 200, FaqEntry)
    require(entry.id == first.id and entry.question == first.question, f"entry {entry.id}")


def served_document(client: Client) -> None:
    response = openapi.sync_detailed(client=client)
    require(response.status_code == 200 and response.parsed is not None, f"status {response.status_code}")
    document = response.parsed
    require(document.openapi.startswith("3.1"), f"openapi {document.openapi}")
    require("/frameworks/{id}" in document.paths.additional_properties, "paths without /frameworks/{id}")


def write_lifecycle(client: Client) -> None:
    template = expect(get_framework.sync_detailed("fastapi", client=client), 200, FrameworkDetail).to_dict()
    body = FrameworkInput.from_dict({**template, "id": NEW_ID, "name": "Python Client Check"})
    created = put_framework.sync_detailed(
        NEW_ID, client=client, body=body, if_none_match=PutFrameworkIfNoneMatch("*")
    )
    framework = expect(created, 201, Framework)
    require(framework.id == NEW_ID and framework.version == 1, f"created version {framework.version}")
    require(template["evidence"] and framework.evidence.to_dict() == template["evidence"], "evidence not kept")
    conflict = put_framework.sync_detailed(
        NEW_ID, client=client, body=body, if_none_match=PutFrameworkIfNoneMatch("*")
    )
    require(expect(conflict, 412, Problem).status == 412, "create over an existing id")
    body.name = "Python Client Check, replaced"
    replaced = put_framework.sync_detailed(NEW_ID, client=client, body=body, if_match=created.headers["etag"])
    framework = expect(replaced, 200, Framework)
    require(framework.version == 2 and framework.name == body.name, f"replaced version {framework.version}")
    deleted = delete_framework.sync_detailed(NEW_ID, client=client, if_match=replaced.headers["etag"])
    require(deleted.status_code == 204, f"delete status {deleted.status_code}")
    expect(get_framework.sync_detailed(NEW_ID, client=client), 404, Problem)


def expect(response, status: int, kind: type):
    parsed = response.parsed
    require(response.status_code == status, f"status {response.status_code}, expected {status}: {response.content[:300]!r}")
    require(isinstance(parsed, kind), f"parsed as {type(parsed).__name__}, expected {kind.__name__}")
    return parsed


def require(condition, message: str) -> None:
    if not condition:
        raise AssertionError(message)


if __name__ == "__main__":
    main(sys.argv[1])
