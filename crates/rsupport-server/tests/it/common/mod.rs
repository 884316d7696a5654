//! Shared set-up of the server's tests: the in-process server of `rsupport_server::testing`
//! for almost everything, and the real `rsupport-server` process for what only a process can
//! show (its command line, its logs, SIGKILL and SIGTERM).

pub mod process;

pub use rsupport_server::testing::*;

/// stderr of a finished command as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The ids of a case list's page, in its order.
pub fn ids(answer: &serde_json::Value) -> Vec<u64> {
    answer["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect()
}

/// One page of a case list (`query`: its URL query, without the page size and token): its
/// ids, in order, and the token of the next page.
pub async fn page(
    api: &Api,
    query: &str,
    page_size: u32,
    token: Option<&str>,
) -> (Vec<u64>, Option<String>) {
    let mut path = format!("/v1/cases?{query}&pageSize={page_size}");
    if let Some(t) = token {
        path.push_str(&format!("&pageToken={t}"));
    }
    let page = api.get(&path).await;
    assert_eq!(page.status, 200, "{:?}", page.body);
    let next = page.body["nextPageToken"].as_str().map(str::to_string);
    (ids(&page.body), next)
}

/// Every case of a list (`query`: its URL query, without the page size), page after page.
pub async fn walk(api: &Api, query: &str, page_size: u32) -> Vec<u64> {
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..1000 {
        let (ids, next) = page(api, query, page_size, token.as_deref()).await;
        seen.extend(ids);
        match next {
            Some(t) => token = Some(t),
            None => return seen,
        }
    }
    panic!("pagination did not end");
}
