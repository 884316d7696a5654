//! Keyword search (`GET /v1/cases?query=`): hits most recently updated first as cases change,
//! paging across updates, one domain's words never shown to another, and queries with nothing
//! to search for refused.

use std::collections::HashSet;

use crate::common::{Api, World, ids, new_case, page, walk};
use serde_json::json;

async fn file(api: &Api, customer: &str, title: &str, description: &str) -> u64 {
    let mut body = new_case(customer, title);
    body["description"] = json!(description);
    let answer = api.post("/v1/cases", body).await;
    assert_eq!(answer.status, 201, "{:?}", answer.body);
    answer.body["id"].as_u64().unwrap()
}

async fn search(api: &Api, query: &str) -> Vec<u64> {
    let answer = api
        .get(&format!("/v1/cases?state=all&pageSize=100&query={query}"))
        .await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    ids(&answer.body)
}

#[tokio::test]
async fn hits_follow_every_write_most_recently_updated_first() {
    let world = World::new();
    let api = world.api_a();
    let first = file(&api, "premium-co", "Printer jams", "paper").await;
    let second = file(&api, "premium-co", "Mail bounces", "the printer queue too").await;
    let other = file(&api, "premium-co", "Calendar", "nothing here").await;
    let third = file(&api, "premium-co", "Drive", "printers offline").await;
    assert_eq!(search(&api, "printer").await, vec![third, second, first]);

    // A message moves a hit to the top and can make a case a hit.
    api.post(
        &format!("/v1/cases/{first}/comments"),
        json!({"body": "still jammed"}),
    )
    .await;
    api.post(
        &format!("/v1/cases/{other}/comments"),
        json!({"body": "the printer is on fire"}),
    )
    .await;
    assert_eq!(
        search(&api, "printer").await,
        vec![other, first, third, second]
    );
    assert_eq!(search(&api, "jammed").await, vec![first]);

    // A new title replaces the old words; closing moves the case as any write.
    let renamed = api
        .patch(
            &format!("/v1/cases/{first}"),
            json!({"displayName": "Toner"}),
        )
        .await;
    assert_eq!(renamed.status, 200, "{:?}", renamed.body);
    assert_eq!(search(&api, "jams").await, Vec::<u64>::new());
    assert_eq!(search(&api, "toner").await, vec![first]);
    let closed = api
        .post(&format!("/v1/cases/{second}/close"), json!({}))
        .await;
    assert_eq!(closed.status, 200, "{:?}", closed.body);
    // The renamed case no longer says printer anywhere.
    assert_eq!(search(&api, "printer").await, vec![second, other, third]);
    assert_eq!(search(&api, "printer%20fire").await, vec![other]);
    assert_eq!(search(&api, "absentword").await, Vec::<u64>::new());
}

#[tokio::test]
async fn other_orders_and_filters_apply_to_the_hits() {
    let world = World::new();
    let api = world.api_a();
    let mut body = new_case("premium-co", "Quota low");
    body["priority"] = json!("P1");
    let urgent = api.post("/v1/cases", body).await.body["id"]
        .as_u64()
        .unwrap();
    let standard = file(&api, "standard-co", "Quota warning", "d").await;
    let later = file(&api, "premium-co", "Quota again", "d").await;
    file(&api, "premium-co", "Unrelated", "d").await;
    let severity = api.get("/v1/cases?query=quota&orderBy=severity").await;
    assert_eq!(ids(&severity.body), vec![urgent, later, standard]);
    let created = api.get("/v1/cases?query=quota&orderBy=created").await;
    assert_eq!(ids(&created.body), vec![later, standard, urgent]);
    let customer = api.get("/v1/cases?query=quota&customer=standard-co").await;
    assert_eq!(ids(&customer.body), vec![standard]);
    let p1 = api.get("/v1/cases?query=quota&priority=P1").await;
    assert_eq!(ids(&p1.body), vec![urgent]);
    let counted = api.get("/v1/cases?query=quota&includeCounts=true").await;
    assert_eq!(counted.body["stateCounts"]["new"], 3, "{:?}", counted.body);
}

#[tokio::test]
async fn one_domain_never_finds_another_domains_cases() {
    let world = World::new();
    let (a, b) = (world.api_a(), world.api_b());
    let in_a = file(&a, "premium-co", "Zebra crossing", "d").await;
    let in_b = file(&b, "b-co", "Zebra stripes", "d").await;
    // Many of b's hits before a's one, so a's search has to skip them in the index.
    let mut b_hits = vec![in_b];
    for i in 0..5 {
        b_hits.push(file(&b, "b-co", &format!("zebra {i}"), "d").await);
    }
    b_hits.reverse();
    assert_eq!(search(&a, "zebra").await, vec![in_a]);
    assert_eq!(search(&b, "zebra").await, b_hits);
    // The domain's own name is no keyword of its cases.
    assert_eq!(search(&a, "example").await, Vec::<u64>::new());
    let agent = search(&world.api_agent(), "zebra").await;
    assert_eq!(agent.len(), 7);
    assert_eq!(agent.last(), Some(&in_a));
}

#[tokio::test]
async fn a_query_with_nothing_to_search_for_is_refused_naming_the_parameter() {
    let world = World::new();
    let api = world.api_a();
    file(&api, "premium-co", "Anything", "d").await;
    for query in ["%22", "*", "-", "(", "%F0%9F%A6%80", "%20%20", "%22*%22"] {
        let answer = api.get(&format!("/v1/cases?query={query}")).await;
        assert_eq!(answer.status, 400, "{query}: {:?}", answer.body);
        assert_eq!(answer.reason(), "INVALID_ARGUMENT", "{query}");
        assert_eq!(answer.body["error"]["details"]["field"], "query", "{query}");
    }
    // An empty query is no filter; punctuation around a word is ignored.
    assert_eq!(ids(&api.get("/v1/cases?query=").await.body).len(), 1);
    assert_eq!(
        ids(&api.get("/v1/cases?query=(anything*)").await.body).len(),
        1
    );
}

/// Pages through a search while cases are bumped, changed and filed between pages: every
/// hit that existed at the first page is listed exactly once.
async fn page_a_search_while_writing(order: &str) {
    let world = World::new();
    let api = world.api_a();
    let mut hits = Vec::new();
    for i in 0..24 {
        let mut body = new_case("premium-co", &format!("needle {i}"));
        body["priority"] = json!(["P1", "P2", "P3", "P4"][i % 4]);
        hits.push(
            api.post("/v1/cases", body).await.body["id"]
                .as_u64()
                .unwrap(),
        );
        file(&api, "premium-co", &format!("hay {i}"), "d").await;
    }
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    for round in 0.. {
        let query = format!("query=needle&orderBy={order}");
        let (page_ids, next) = page(&api, &query, 5, token.as_deref()).await;
        seen.extend(page_ids);
        if let Some(id) = hits.iter().find(|id| !seen.contains(id)).copied() {
            api.post(
                &format!("/v1/cases/{id}/comments"),
                json!({"body": format!("needle bump {round}")}),
            )
            .await;
            api.patch(&format!("/v1/cases/{id}"), json!({"priority": "P1"}))
                .await;
        }
        if let Some(&id) = seen.first() {
            api.patch(&format!("/v1/cases/{id}"), json!({"priority": "P4"}))
                .await;
        }
        file(&api, "premium-co", &format!("needle new {round}"), "d").await;
        match next {
            Some(t) => token = Some(t),
            None => break,
        }
        assert!(round < 100, "pagination did not end");
    }
    let unique: HashSet<u64> = seen.iter().copied().collect();
    assert_eq!(unique.len(), seen.len(), "{order}: listed twice: {seen:?}");
    for id in &hits {
        assert!(unique.contains(id), "{order}: case {id} skipped: {seen:?}");
    }
    assert!(seen.iter().all(|id| hits.contains(id)), "{order}: {seen:?}");
}

#[tokio::test]
async fn paging_a_search_by_update_time_while_cases_change_skips_and_repeats_nothing() {
    page_a_search_while_writing("updated").await;
}

#[tokio::test]
async fn paging_a_search_by_severity_while_cases_change_skips_and_repeats_nothing() {
    page_a_search_while_writing("severity").await;
}

#[tokio::test]
async fn a_keyword_matches_the_words_it_begins_whatever_its_length() {
    let world = World::new();
    let api = world.api_a();
    let printer = file(&api, "premium-co", "Printer jam", "paper stuck").await;
    let printing = file(&api, "premium-co", "Printing queue", "jobs wait").await;
    let print = file(&api, "premium-co", "Print server", "down since noon").await;
    let priority = file(&api, "premium-co", "Priority question", "who answers").await;
    let sorted = |mut v: Vec<u64>| {
        v.sort_unstable();
        v
    };
    assert_eq!(
        sorted(search(&api, "print").await),
        sorted(vec![printer, printing, print])
    );
    assert_eq!(search(&api, "PRINTE").await, vec![printer]);
    assert_eq!(
        sorted(search(&api, "pr").await),
        sorted(vec![printer, printing, print, priority])
    );
    assert_eq!(
        sorted(search(&api, "p").await),
        sorted(vec![printer, printing, print, priority])
    );
    assert!(search(&api, "printers").await.is_empty());
    assert_eq!(search(&api, "print jam").await, vec![printer]);
    // words of a message count as the title's do
    api.post(
        &format!("/v1/cases/{priority}/comments"),
        serde_json::json!({"body": "also the printout is blank"}),
    )
    .await;
    assert_eq!(
        sorted(search(&api, "print").await),
        sorted(vec![printer, printing, print, priority])
    );
}

#[tokio::test]
async fn a_long_keyword_matches_the_words_it_begins() {
    let world = World::new();
    let api = world.api_a();
    let failure = file(&api, "premium-co", "Authentication failure", "since noon").await;
    let app = file(&api, "premium-co", "Lost phone", "the authenticator app").await;
    let _other = file(&api, "premium-co", "Authorisation", "denied").await;
    assert_eq!(search(&api, "authenticat").await, vec![app, failure]);
    assert_eq!(search(&api, "authenticatio").await, vec![failure]);
    assert_eq!(search(&api, "authentication").await, vec![failure]);
    assert!(search(&api, "authenticationx").await.is_empty());
}

#[tokio::test]
async fn a_keyword_that_begins_many_different_words_finds_every_case_in_update_order() {
    let world = World::new();
    let api = world.api_a();
    // more distinct words than a keyword is ever expanded into (SQLite's MAX_EXPANSION)
    let mut filed = Vec::new();
    for n in 0..40 {
        filed.push(file(&api, "premium-co", &format!("zeta{n} issue"), "d").await);
    }
    let newest_first: Vec<u64> = filed.iter().rev().copied().collect();
    assert_eq!(search(&api, "zeta").await, newest_first);
    // zeta39 … zeta30, then zeta3
    let mut expected: Vec<u64> = (30..40).rev().map(|n| filed[n]).collect();
    expected.push(filed[3]);
    assert_eq!(search(&api, "zeta3").await, expected);
}

#[tokio::test]
async fn a_changed_title_is_found_by_its_new_words_only() {
    let world = World::new();
    let api = world.api_a();
    let id = file(&api, "premium-co", "Printer jam", "paper").await;
    let answer = api
        .patch(
            &format!("/v1/cases/{id}"),
            json!({"displayName": "Scanner jam"}),
        )
        .await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    assert!(search(&api, "printer").await.is_empty());
    assert_eq!(search(&api, "scanner").await, vec![id]);
    assert_eq!(search(&api, "paper").await, vec![id]);
}

/// Every prefix of every word, of any length and script, pages out exactly the cases holding
/// a word it begins, newest first, after messages and new titles changed the words of some:
/// small pages, so that PostgreSQL's walk down the update-time b-tree (which tests each
/// case's word signature before its words) serves all but the last page of each.
#[tokio::test]
async fn every_prefix_of_every_word_pages_out_exactly_the_cases_holding_it() {
    let world = World::new();
    let api = world.api_a();
    let words = [
        "ab",
        "abc",
        "abcd",
        "abcde",
        "abcdef",
        "abcdefg",
        "abcdefgh",
        "abcdefghi",
        "abcdefghijk",
        "abcdefghijkl",
        "abcdefghijklm",
        "abcdefghijklmnopqrst",
        "abdcef",
        "überprüfung",
        "überall",
        "façade",
        "αβγδεζηθ",
        "αβγ",
        "x2024y",
        "12345678",
        "quartermaster",
        "quarterly",
    ];
    // case i holds words i, 3i+1 and 7i+2 (of the list above) and words no keyword begins
    let mut filed: Vec<(u64, Vec<&'static str>)> = Vec::new();
    for i in 0..words.len() * 2 {
        let held = vec![
            words[i % words.len()],
            words[(3 * i + 1) % words.len()],
            words[(7 * i + 2) % words.len()],
        ];
        let title = format!("{} {}", held[0].to_uppercase(), held[1]);
        let id = file(&api, "premium-co", &title, &format!("see {}", held[2])).await;
        filed.push((id, held));
    }
    // newest first from here on: a write moves its case to the front
    filed.reverse();
    let bump = |filed: &mut Vec<(u64, Vec<&'static str>)>, id: u64| {
        let at = filed.iter().position(|(i, _)| *i == id).unwrap();
        let case = filed.remove(at);
        filed.insert(0, case);
    };
    let ids_filed: Vec<u64> = filed.iter().map(|(id, _)| *id).collect();
    for (n, id) in ids_filed.into_iter().enumerate() {
        let word = words[(5 * n + 3) % words.len()];
        if n % 5 == 0 {
            let answer = api
                .post(
                    &format!("/v1/cases/{id}/comments"),
                    json!({"body": format!("now {word} too")}),
                )
                .await;
            assert_eq!(answer.status, 201, "{:?}", answer.body);
            filed
                .iter_mut()
                .find(|(i, _)| *i == id)
                .unwrap()
                .1
                .push(word);
            bump(&mut filed, id);
        } else if n % 7 == 1 {
            // the title's words go, the description's stay
            let answer = api
                .patch(&format!("/v1/cases/{id}"), json!({"displayName": word}))
                .await;
            assert_eq!(answer.status, 200, "{:?}", answer.body);
            let held = &mut filed.iter_mut().find(|(i, _)| *i == id).unwrap().1;
            *held = vec![held[2], word];
            bump(&mut filed, id);
        }
    }
    let mut keywords: Vec<String> = words
        .iter()
        .flat_map(|w| {
            let chars: Vec<char> = w.chars().collect();
            (1..=chars.len()).map(move |n| chars[..n].iter().collect::<String>())
        })
        .collect();
    // keywords that begin no word: one character past a word, or off inside one
    keywords
        .extend(["abcdefghix", "abcdefghijklmz", "quarterz", "x2025", "überx"].map(String::from));
    keywords.sort();
    keywords.dedup();
    for keyword in keywords {
        let expected: Vec<u64> = filed
            .iter()
            .filter(|(_, held)| held.iter().any(|w| w.starts_with(keyword.as_str())))
            .map(|(id, _)| *id)
            .collect();
        let found = walk(
            &api,
            &format!("state=all&query={}", url_encoded(&keyword)),
            3,
        )
        .await;
        assert_eq!(found, expected, "keyword {keyword:?}");
    }
}

/// `s` as a URL query value.
fn url_encoded(s: &str) -> String {
    let mut url = reqwest::Url::parse("http://x/").unwrap();
    url.query_pairs_mut().append_pair("q", s);
    url.query().unwrap()["q=".len()..].to_string()
}
