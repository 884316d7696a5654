//! Google credentials: what the keyring holds for a `google` domain, and the bearer token
//! each request is sent with. The OAuth flows are yup-oauth2's (the JWT-bearer grant of a
//! service-account key, at the key's own `token_uri`; the refresh-token grant of Application
//! Default Credentials); access tokens live in its in-memory cache only and are refreshed
//! before they expire. Nothing here is ever written to disk.

use std::fmt;

use base64::Engine as _;
use tokio::sync::OnceCell;
use yup_oauth2::authenticator::Authenticator;
use yup_oauth2::{DefaultHyperClientBuilder, HyperClientBuilder};

use crate::client::{ClientError, Token};

rsupport_api::wire_enum! {
    /// The kind of Google credential a domain's keyring entry holds (kept in the config).
    pub enum CredentialKind("credential kind") {
        /// A service-account key file (JSON), its `token_uri` honoured.
        ServiceAccount = "service-account",
        /// Application Default Credentials of a user (`gcloud auth application-default
        /// login`): the refresh token and its OAuth client.
        AuthorizedUser = "authorized-user",
        /// An OAuth2 access token, used as is until it expires.
        AccessToken = "access-token",
    }
}

/// The OAuth scope of the Cloud Support API.
pub const SCOPE: &str = "https://www.googleapis.com/auth/cloud-platform";

/// What signs in a `google` domain. `Debug` never shows the secret.
#[derive(Clone)]
pub enum GoogleSecret {
    /// A service-account key file's JSON.
    ServiceAccount(String),
    /// Application Default Credentials of a user (`authorized_user` JSON).
    AuthorizedUser(String),
    /// An OAuth2 access token, sent as is.
    AccessToken(Token),
}

impl fmt::Debug for GoogleSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            GoogleSecret::ServiceAccount(_) => "ServiceAccount(<redacted>)",
            GoogleSecret::AuthorizedUser(_) => "AuthorizedUser(<redacted>)",
            GoogleSecret::AccessToken(_) => "AccessToken(<redacted>)",
        })
    }
}

impl GoogleSecret {
    pub fn kind(&self) -> CredentialKind {
        match self {
            GoogleSecret::ServiceAccount(_) => CredentialKind::ServiceAccount,
            GoogleSecret::AuthorizedUser(_) => CredentialKind::AuthorizedUser,
            GoogleSecret::AccessToken(_) => CredentialKind::AccessToken,
        }
    }

    /// A credentials file (a service-account key or Application Default Credentials) by the
    /// `type` it declares; the error says what the file is not, never what it holds.
    pub fn from_file_text(text: &str) -> Result<GoogleSecret, String> {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| format!("it is not JSON (line {}, column {})", e.line(), e.column()))?;
        match value.get("type").and_then(|t| t.as_str()) {
            Some("service_account") => {
                yup_oauth2::parse_service_account_key(text).map_err(|_| {
                    "it declares a service account but lacks its private_key, client_email or token_uri".to_string()
                })?;
                Ok(GoogleSecret::ServiceAccount(compact(&value)))
            }
            Some("authorized_user") => {
                serde_json::from_value::<yup_oauth2::authorized_user::AuthorizedUserSecret>(
                    value.clone(),
                )
                .map_err(|_| {
                    "it declares an authorized user but lacks its client_id, client_secret or refresh_token".to_string()
                })?;
                Ok(GoogleSecret::AuthorizedUser(compact(&value)))
            }
            Some(other) => Err(format!(
                "its type is '{}'; expected service_account (a key file) or authorized_user (from gcloud auth application-default login)",
                other.escape_default()
            )),
            None => Err("it has no \"type\": expected a service-account key file or Application Default Credentials".into()),
        }
    }

    /// The secret as one keyring entry (visible ASCII: the JSON is base64url-encoded).
    pub fn to_stored(&self) -> Token {
        let text = match self {
            GoogleSecret::ServiceAccount(json) | GoogleSecret::AuthorizedUser(json) => {
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
            }
            GoogleSecret::AccessToken(token) => return token.clone(),
        };
        Token::new(&text).expect("base64 is visible ASCII")
    }

    /// The secret from its keyring entry, by the kind the domain's config records.
    pub fn from_stored(kind: CredentialKind, stored: &Token) -> Result<GoogleSecret, String> {
        let json = || {
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(stored.expose())
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .ok_or_else(|| "the stored credential is not what login wrote".to_string())
        };
        Ok(match kind {
            CredentialKind::ServiceAccount => GoogleSecret::ServiceAccount(json()?),
            CredentialKind::AuthorizedUser => GoogleSecret::AuthorizedUser(json()?),
            CredentialKind::AccessToken => GoogleSecret::AccessToken(stored.clone()),
        })
    }

    /// Who the credential is, for `auth status`: a service account's email, or the
    /// `account` a user credential file names (gcloud writes it; it may be empty).
    pub fn account(&self) -> Option<String> {
        match self {
            GoogleSecret::ServiceAccount(json) => yup_oauth2::parse_service_account_key(json)
                .ok()
                .map(|key| key.client_email),
            GoogleSecret::AuthorizedUser(json) => serde_json::from_str::<serde_json::Value>(json)
                .ok()
                .and_then(|v| v.get("account")?.as_str().map(str::to_string))
                .filter(|account| !account.trim().is_empty()),
            GoogleSecret::AccessToken(_) => None,
        }
    }

    /// How to name the credential's holder when [`GoogleSecret::account`] does not know.
    pub fn holder(&self) -> &'static str {
        match self {
            GoogleSecret::AuthorizedUser(_) => "the user of the Application Default Credentials",
            _ => "the holder of the access token",
        }
    }
}

fn compact(value: &serde_json::Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

type Oauth = Authenticator<<DefaultHyperClientBuilder as HyperClientBuilder>::Connector>;

/// Hands out bearer tokens for one credential: the access token as is, or one from the OAuth
/// flow, built on first use and cached in memory until shortly before it expires.
pub struct GoogleAuth {
    secret: GoogleSecret,
    oauth: OnceCell<Oauth>,
}

impl fmt::Debug for GoogleAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GoogleAuth")
            .field("secret", &self.secret)
            .finish_non_exhaustive()
    }
}

impl GoogleAuth {
    pub fn new(secret: GoogleSecret) -> GoogleAuth {
        GoogleAuth {
            secret,
            oauth: OnceCell::new(),
        }
    }

    pub fn secret(&self) -> &GoogleSecret {
        &self.secret
    }

    /// The bearer token of the next request.
    pub async fn bearer(&self) -> Result<Token, ClientError> {
        let json = match &self.secret {
            GoogleSecret::AccessToken(token) => return Ok(token.clone()),
            GoogleSecret::ServiceAccount(json) | GoogleSecret::AuthorizedUser(json) => json,
        };
        let oauth = self
            .oauth
            .get_or_try_init(|| build(&self.secret, json))
            .await?;
        let token = oauth
            .token(&[SCOPE])
            .await
            .map_err(|e| ClientError::Credentials {
                detail: oauth_detail(&e),
            })?;
        let text = token.token().ok_or_else(|| ClientError::Credentials {
            detail: "the token endpoint answered without an access token".into(),
        })?;
        Token::new(text).map_err(|e| ClientError::Credentials {
            detail: format!("the token endpoint answered an unusable access token: {e}"),
        })
    }
}

async fn build(secret: &GoogleSecret, json: &str) -> Result<Oauth, ClientError> {
    crate::client::install_crypto_provider();
    let broken = |what: &str| ClientError::Credentials {
        detail: format!("the stored {what} cannot be read; log in again"),
    };
    let built = match secret {
        GoogleSecret::ServiceAccount(_) => {
            let key = yup_oauth2::parse_service_account_key(json)
                .map_err(|_| broken("service-account key"))?;
            yup_oauth2::ServiceAccountAuthenticator::builder(key)
                .build()
                .await
        }
        GoogleSecret::AuthorizedUser(_) => {
            let user = UserCredential::parse(json).ok_or_else(|| broken("user credential"))?;
            return user.authenticator().await;
        }
        GoogleSecret::AccessToken(_) => unreachable!("an access token needs no flow"),
    };
    built.map_err(|e| ClientError::Credentials {
        detail: format!("the OAuth client cannot be set up: {e}"),
    })
}

/// Application Default Credentials of a user: the OAuth client and refresh token that
/// `gcloud auth application-default login` writes, and the token endpoint they are refreshed
/// at (the file's `token_uri` when it has one, else Google's).
struct UserCredential {
    secret: yup_oauth2::authorized_user::AuthorizedUserSecret,
    token_uri: String,
}

/// Google's OAuth2 token endpoint, where user credentials are refreshed unless their file
/// names another `token_uri`.
pub const GOOGLE_TOKEN_URI: &str = "https://oauth2.googleapis.com/token";

impl UserCredential {
    fn parse(json: &str) -> Option<UserCredential> {
        let value: serde_json::Value = serde_json::from_str(json).ok()?;
        let token_uri = value
            .get("token_uri")
            .and_then(|t| t.as_str())
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(GOOGLE_TOKEN_URI)
            .to_string();
        let secret = serde_json::from_value(value).ok()?;
        Some(UserCredential { secret, token_uri })
    }

    /// yup-oauth2's `AuthorizedUserFlow` posts to a fixed Google URL, so the refresh goes
    /// through its installed-app authenticator instead: its refresh path posts the
    /// refresh-token grant to the client secret's `token_uri`. The token store starts with
    /// the refresh token under an expired access token, so the first `token()` refreshes; if
    /// a refresh fails yup-oauth2 falls back to the interactive flow, which
    /// [`NoInteractiveLogin`] refuses before it shows or waits for anything.
    async fn authenticator(self) -> Result<Oauth, ClientError> {
        let app = yup_oauth2::ApplicationSecret {
            client_id: self.secret.client_id,
            client_secret: self.secret.client_secret,
            token_uri: self.token_uri.clone(),
            ..yup_oauth2::ApplicationSecret::default()
        };
        let held = yup_oauth2::storage::TokenInfo {
            access_token: None,
            refresh_token: Some(self.secret.refresh_token),
            expires_at: Some(time::OffsetDateTime::UNIX_EPOCH),
            id_token: None,
        };
        yup_oauth2::InstalledFlowAuthenticator::builder(
            app,
            yup_oauth2::InstalledFlowReturnMethod::Interactive,
        )
        .with_storage(Box::new(MemoryToken(std::sync::Mutex::new(held))))
        .flow_delegate(Box::new(NoInteractiveLogin {
            token_uri: self.token_uri,
        }))
        .build()
        .await
        .map_err(|e| ClientError::Credentials {
            detail: format!("the OAuth client cannot be set up: {e}"),
        })
    }
}

/// The one token of a user credential, in memory only (never on disk).
struct MemoryToken(std::sync::Mutex<yup_oauth2::storage::TokenInfo>);

#[async_trait::async_trait]
impl yup_oauth2::storage::TokenStorage for MemoryToken {
    async fn set(
        &self,
        _scopes: &[&str],
        token: yup_oauth2::storage::TokenInfo,
    ) -> Result<(), yup_oauth2::storage::TokenStorageError> {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = token;
        Ok(())
    }

    async fn get(&self, _scopes: &[&str]) -> Option<yup_oauth2::storage::TokenInfo> {
        Some(self.0.lock().unwrap_or_else(|e| e.into_inner()).clone())
    }
}

/// The installed flow's delegate, reached only when refreshing the user's token failed:
/// it refuses at once (no URL shown, nothing read from stdin), and says why.
struct NoInteractiveLogin {
    token_uri: String,
}

impl yup_oauth2::authenticator_delegate::InstalledFlowDelegate for NoInteractiveLogin {
    fn present_user_url<'a>(
        &'a self,
        _url: &'a str,
        _need_code: bool,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<String, String>> + Send + 'a>>
    {
        let message = format!(
            "the token endpoint {} did not give an access token for the stored refresh token (revoked, expired, not this OAuth client's, or the endpoint cannot be reached); run `gcloud auth application-default login`, then `rsupport auth login --provider google` again",
            self.token_uri
        );
        Box::pin(async move { Err(message) })
    }
}

/// What went wrong getting a token, without the request (which holds the signed assertion).
fn oauth_detail(error: &yup_oauth2::Error) -> String {
    match error {
        yup_oauth2::Error::AuthError(auth) => format!(
            "the token endpoint refused the credential: {}{}",
            auth.error.as_str(),
            auth.error_description
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default()
        ),
        yup_oauth2::Error::HttpError(e) => format!("the token endpoint cannot be reached: {e}"),
        yup_oauth2::Error::UserError(why) => why.clone(),
        other => format!("no access token: {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = r#"{"type":"service_account","project_id":"p","private_key_id":"k","private_key":"-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n","client_email":"sa@p.iam.gserviceaccount.com","token_uri":"http://127.0.0.1:1/token"}"#;

    #[test]
    fn a_key_file_round_trips_through_its_keyring_form() {
        let secret = GoogleSecret::from_file_text(KEY).unwrap();
        assert_eq!(secret.kind(), CredentialKind::ServiceAccount);
        let stored = secret.to_stored();
        let back = GoogleSecret::from_stored(CredentialKind::ServiceAccount, &stored).unwrap();
        assert_eq!(
            back.account().as_deref(),
            Some("sa@p.iam.gserviceaccount.com")
        );
    }

    #[test]
    fn a_file_of_another_type_is_named_by_its_type() {
        let err = GoogleSecret::from_file_text(r#"{"type":"external_account"}"#).unwrap_err();
        assert!(err.contains("external_account"), "{err}");
        assert!(GoogleSecret::from_file_text("not json").is_err());
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let secret = GoogleSecret::from_file_text(KEY).unwrap();
        assert!(!format!("{secret:?}").contains("PRIVATE"));
    }
}
