//! Walking a list endpoint page by page with its `nextPageToken`.

use std::marker::PhantomData;

use futures_util::future::BoxFuture;
use rsupport_api::types::{
    Case, CaseEvent, CaseEventList, CaseList, Comment, CommentList, Customer, CustomerList,
    ListCasesQuery, ListCustomersQuery, ListEventsQuery, PageQuery,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{Client, ClientError};

/// A list endpoint's answer: its items and the token of the next page.
pub trait Page: DeserializeOwned {
    type Item;
    fn into_parts(self) -> (Vec<Self::Item>, Option<String>);
}

/// A list query that pages.
pub trait PagedQuery: Serialize {
    fn set_page_token(&mut self, token: Option<String>);
}

impl Page for CaseList {
    type Item = Case;
    fn into_parts(self) -> (Vec<Case>, Option<String>) {
        (self.cases, self.next_page_token)
    }
}

impl Page for CommentList {
    type Item = Comment;
    fn into_parts(self) -> (Vec<Comment>, Option<String>) {
        (self.comments, self.next_page_token)
    }
}

impl Page for CustomerList {
    type Item = Customer;
    fn into_parts(self) -> (Vec<Customer>, Option<String>) {
        (self.customers, self.next_page_token)
    }
}

impl Page for CaseEventList {
    type Item = CaseEvent;
    fn into_parts(self) -> (Vec<CaseEvent>, Option<String>) {
        (self.events, self.next_page_token)
    }
}

impl PagedQuery for ListEventsQuery {
    fn set_page_token(&mut self, token: Option<String>) {
        self.page_token = token;
    }
}

impl PagedQuery for ListCasesQuery {
    fn set_page_token(&mut self, token: Option<String>) {
        self.page_token = token;
    }
}

impl PagedQuery for ListCustomersQuery {
    fn set_page_token(&mut self, token: Option<String>) {
        self.page_token = token;
    }
}

impl PagedQuery for PageQuery {
    fn set_page_token(&mut self, token: Option<String>) {
        self.page_token = token;
    }
}

/// How a [`Pager`] fetches one page: the client's method for the list, which answers from
/// whichever provider the client speaks.
type Fetch<'c, Q, L> = Box<dyn Fn(&'c Client, Q) -> BoxFuture<'c, Result<L, ClientError>> + 'c>;

/// Walks a list endpoint page by page: `while let Some(page) = pager.next_page().await? {…}`.
pub struct Pager<'c, Q, L> {
    client: &'c Client,
    query: Q,
    fetch: Fetch<'c, Q, L>,
    finished: bool,
    list: PhantomData<L>,
}

impl<'c, Q: PagedQuery + Clone, L: Page> Pager<'c, Q, L> {
    pub(super) fn new(
        client: &'c Client,
        query: Q,
        fetch: impl Fn(&'c Client, Q) -> BoxFuture<'c, Result<L, ClientError>> + 'c,
    ) -> Self {
        Pager {
            client,
            query,
            fetch: Box::new(fetch),
            finished: false,
            list: PhantomData,
        }
    }

    /// The next page's items; `None` once the last page was answered.
    pub async fn next_page(&mut self) -> Result<Option<Vec<L::Item>>, ClientError> {
        if self.finished {
            return Ok(None);
        }
        let list: L = (self.fetch)(self.client, self.query.clone()).await?;
        let (items, next) = list.into_parts();
        match next {
            Some(token) if !token.is_empty() => self.query.set_page_token(Some(token)),
            _ => self.finished = true,
        }
        Ok(Some(items))
    }

    /// Every item of every page.
    pub async fn collect_all(mut self) -> Result<Vec<L::Item>, ClientError> {
        let mut all = Vec::new();
        while let Some(page) = self.next_page().await? {
            all.extend(page);
        }
        Ok(all)
    }
}
