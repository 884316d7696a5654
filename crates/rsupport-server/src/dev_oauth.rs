//! The OAuth2 token endpoint of `dev` mode (`POST /v2/dev/oauth2/token`): a JWT-bearer grant
//! (RFC 7523) signed with a service-account key that `dev` writes out as a Google
//! service-account JSON key file, or a refresh-token grant (RFC 6749 §6) of the user
//! credential `dev` writes out in the format of Application Default Credentials, exchanged for
//! an access token of the `/v2` surface. It lets a client's real signing and refresh paths (the
//! ones it uses against `oauth2.googleapis.com`) run end to end without Google.
//!
//! The key is an RSA key made with the `rsa` crate; the assertion is verified (RS256 signature,
//! `iss`, `aud`, `exp`) by `jsonwebtoken`; the issued access token is an ordinary server token
//! (stored hashed, expiring after an hour) of the user the service account acts as.

use std::path::Path;
use std::sync::{Arc, RwLock};

use anyhow::Context as _;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

/// Where the endpoint answers.
pub const TOKEN_PATH: &str = "/v2/dev/oauth2/token";
/// The grant type of RFC 7523.
pub const JWT_BEARER_GRANT: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/// The scope an assertion must ask for (the Cloud Support API's).
pub const CLOUD_PLATFORM_SCOPE: &str = "https://www.googleapis.com/auth/cloud-platform";
/// How long an access token lives.
pub const ACCESS_TOKEN_SECONDS: i64 = 3600;
/// The longest an assertion may live (`exp - iat`), as Google's token endpoint allows.
pub const MAX_ASSERTION_SECONDS: i64 = 3600;
/// Clock skew tolerated on `iat` and `exp`.
pub const LEEWAY_SECONDS: i64 = 60;
/// The key file `dev` writes beside its database.
pub const KEY_FILE_NAME: &str = "dev-service-account.json";
/// The user credential (Application Default Credentials) `dev` writes beside its database.
pub const USER_FILE_NAME: &str = "dev-authorized-user.json";
/// The grant type of a refresh (RFC 6749 §6).
pub const REFRESH_TOKEN_GRANT: &str = "refresh_token";

/// A Google service-account JSON key file, as `gcloud iam service-accounts keys create`
/// writes it (the fields clients read).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceAccountKey {
    /// Always `service_account`.
    #[serde(rename = "type")]
    pub key_type: String,
    pub project_id: String,
    pub private_key_id: String,
    /// PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
    pub private_key: String,
    pub client_email: String,
    pub client_id: String,
    /// This server's token endpoint.
    pub token_uri: String,
}

/// An RSA key pair in PEM.
#[derive(Debug, Clone)]
pub struct KeyPair {
    /// PKCS#8 (`-----BEGIN PRIVATE KEY-----`).
    pub private_pem: String,
    /// SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`).
    pub public_pem: String,
}

impl KeyPair {
    /// A fresh 2048-bit RSA key from the OS's random source.
    pub fn generate() -> anyhow::Result<KeyPair> {
        let key = rsa::RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048)
            .context("cannot generate an RSA key")?;
        KeyPair::from_private(&key)
    }

    /// The pair of a PKCS#8 PEM private key (a key file's `private_key`).
    pub fn from_private_pem(pem: &str) -> anyhow::Result<KeyPair> {
        use rsa::pkcs8::DecodePrivateKey as _;
        let key = rsa::RsaPrivateKey::from_pkcs8_pem(pem)
            .context("the key file's private_key is not a PKCS#8 RSA key")?;
        KeyPair::from_private(&key)
    }

    fn from_private(key: &rsa::RsaPrivateKey) -> anyhow::Result<KeyPair> {
        use rsa::pkcs8::{EncodePrivateKey as _, EncodePublicKey as _, LineEnding};
        Ok(KeyPair {
            private_pem: key
                .to_pkcs8_pem(LineEnding::LF)
                .context("cannot encode the private key")?
                .to_string(),
            public_pem: key
                .to_public_key()
                .to_public_key_pem(LineEnding::LF)
                .context("cannot encode the public key")?,
        })
    }
}

/// A service account the token endpoint knows: its key, and the user its tokens act as.
pub struct DevAccount {
    pub client_email: String,
    pub key_id: String,
    /// The `aud` an assertion must carry: the key file's `token_uri`.
    pub token_uri: String,
    /// The server user whose access tokens are issued.
    pub user_email: String,
    verifying: jsonwebtoken::DecodingKey,
}

/// A user credential the token endpoint knows: its OAuth client, its refresh token (as
/// SHA-256, like every token of the server), and the user its access tokens act as.
pub struct DevUser {
    pub client_id: String,
    client_secret_hash: Vec<u8>,
    refresh_token_hash: Vec<u8>,
    pub user_email: String,
}

/// The service accounts and user credentials of a `dev` server (none otherwise).
#[derive(Default)]
pub struct DevAccounts {
    accounts: RwLock<Vec<Arc<DevAccount>>>,
    users: RwLock<Vec<Arc<DevUser>>>,
}

impl DevAccounts {
    /// Adds (or replaces, by client email) a service account.
    pub fn add(&self, account: DevAccount) {
        let mut accounts = self.accounts.write().unwrap_or_else(|e| e.into_inner());
        accounts.retain(|a| a.client_email != account.client_email);
        accounts.push(Arc::new(account));
    }

    /// Adds (or replaces, by OAuth client id) a user credential.
    pub fn add_user(&self, user: DevUser) {
        let mut users = self.users.write().unwrap_or_else(|e| e.into_inner());
        users.retain(|u| u.client_id != user.client_id);
        users.push(Arc::new(user));
    }

    fn all(&self) -> Vec<Arc<DevAccount>> {
        self.accounts
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn user(&self, client_id: &str) -> Option<Arc<DevUser>> {
        self.users
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .find(|u| u.client_id == client_id)
            .cloned()
    }
}

/// Application Default Credentials of a user, as `gcloud auth application-default login`
/// writes them, plus the `token_uri` of this server (which Google's files leave out: clients
/// then refresh at `https://oauth2.googleapis.com/token`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuthorizedUserFile {
    /// Always `authorized_user`.
    #[serde(rename = "type")]
    pub kind: String,
    pub client_id: String,
    pub client_secret: String,
    pub refresh_token: String,
    /// This server's token endpoint.
    pub token_uri: String,
    /// The user the credential acts as (gcloud writes `account`; informative).
    #[serde(default)]
    pub account: String,
}

/// Writes the user credential file of `user_email` at `path` (0600, `token_uri` at this
/// server) and answers the user to register. A file already at `path` for the same user
/// keeps its client and refresh token (a client logged in with it stays logged in across
/// restarts); otherwise they are made afresh.
pub fn prepare_user(path: &Path, token_uri: &str, user_email: &str) -> anyhow::Result<DevUser> {
    let existing = std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<AuthorizedUserFile>(&bytes).ok())
        .filter(|file| file.kind == "authorized_user" && file.account == user_email);
    let file = match existing {
        Some(file) => AuthorizedUserFile {
            token_uri: token_uri.to_string(),
            ..file
        },
        None => AuthorizedUserFile {
            kind: "authorized_user".to_string(),
            client_id: format!(
                "{}.apps.googleusercontent.com",
                &hex::encode(Sha256::digest(user_email.as_bytes()))[..24]
            ),
            client_secret: crate::auth::new_token(),
            refresh_token: crate::auth::new_token(),
            token_uri: token_uri.to_string(),
            account: user_email.to_string(),
        },
    };
    write_private_json(path, &file, "user credential")?;
    Ok(DevUser {
        client_id: file.client_id,
        client_secret_hash: crate::auth::hash_token(&file.client_secret),
        refresh_token_hash: crate::auth::hash_token(&file.refresh_token),
        user_email: user_email.to_string(),
    })
}

/// The service account's email for a project, as Google names them.
pub fn client_email(project_id: &str) -> String {
    format!("rsupport-dev@{project_id}.iam.gserviceaccount.com")
}

/// Writes `key` to `path` readable by its owner only (0600), replacing what was there.
pub fn write_key_file(path: &Path, key: &ServiceAccountKey) -> anyhow::Result<()> {
    write_private_json(path, key, "service-account key")
}

/// Writes `value` as JSON to `path` readable by its owner only (0600), replacing what was
/// there; `what` names the file in errors.
fn write_private_json<T: Serialize>(path: &Path, value: &T, what: &str) -> anyhow::Result<()> {
    let mut json = serde_json::to_string_pretty(value)?;
    json.push('\n');
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
        options.mode(0o600);
        // an existing file keeps its mode through open(): make it private first
        if path.exists() {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
                .with_context(|| format!("cannot make {} private", path.display()))?;
        }
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot write the {what} {}", path.display()))?;
    std::io::Write::write_all(&mut file, json.as_bytes())
        .with_context(|| format!("cannot write the {what} {}", path.display()))?;
    Ok(())
}

/// Writes the key file of a service account of `project_id` whose tokens act as `user_email`
/// at `path` (with `token_uri` pointing at this server), and answers the account to register.
/// A key file already at `path` for the same account keeps its key (a client logged in with it
/// stays logged in across restarts); otherwise `fresh` supplies one.
pub fn prepare_account(
    path: &Path,
    token_uri: &str,
    project_id: &str,
    user_email: &str,
    fresh: impl FnOnce() -> anyhow::Result<KeyPair>,
) -> anyhow::Result<DevAccount> {
    let email = client_email(project_id);
    let existing = std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<ServiceAccountKey>(&bytes).ok())
        .filter(|key| key.client_email == email && key.key_type == "service_account");
    let (keys, key_id) = match existing.and_then(|key| {
        KeyPair::from_private_pem(&key.private_key)
            .ok()
            .map(|pair| (pair, key.private_key_id))
    }) {
        Some(found) => found,
        None => {
            let pair = fresh()?;
            let key_id = hex::encode(Sha256::digest(pair.public_pem.as_bytes()))[..40].to_string();
            (pair, key_id)
        }
    };
    let client_id = {
        let digest = Sha256::digest(email.as_bytes());
        let mut number = [0u8; 8];
        number.copy_from_slice(&digest[..8]);
        // 21 digits, as Google's numeric client ids have
        format!("1{:020}", u64::from_be_bytes(number) % 10u64.pow(19))
    };
    write_key_file(
        path,
        &ServiceAccountKey {
            key_type: "service_account".to_string(),
            project_id: project_id.to_string(),
            private_key_id: key_id.clone(),
            private_key: keys.private_pem.clone(),
            client_email: email.clone(),
            client_id,
            token_uri: token_uri.to_string(),
        },
    )?;
    let verifying = jsonwebtoken::DecodingKey::from_rsa_pem(keys.public_pem.as_bytes())
        .context("cannot read back the public key")?;
    Ok(DevAccount {
        client_email: email,
        key_id,
        token_uri: token_uri.to_string(),
        user_email: user_email.to_string(),
        verifying,
    })
}

/// The form body of a token request.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TokenRequest {
    #[serde(default)]
    pub grant_type: Option<String>,
    #[serde(default)]
    pub assertion: Option<String>,
    #[serde(default)]
    pub client_id: Option<String>,
    #[serde(default)]
    pub client_secret: Option<String>,
    #[serde(default)]
    pub refresh_token: Option<String>,
}

/// The answer to a granted token request (RFC 6749 §5.1).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenResponse {
    pub access_token: String,
    pub token_type: String,
    pub expires_in: i64,
}

/// A refused token request (RFC 6749 §5.2): `error` is one of `invalid_request`,
/// `unsupported_grant_type`, `invalid_grant`, `invalid_scope`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OauthError {
    pub error: String,
    pub error_description: String,
}

impl OauthError {
    fn new(error: &str, description: impl Into<String>) -> OauthError {
        OauthError {
            error: error.to_string(),
            error_description: description.into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
struct Claims {
    iss: String,
    #[serde(default)]
    scope: Option<String>,
    iat: i64,
    exp: i64,
}

/// Checks a token request of either grant ([`verify_grant`], [`verify_refresh`]) and answers
/// the email of the user whose access token to issue.
pub fn verify_request(
    accounts: &DevAccounts,
    request: &TokenRequest,
    now: i64,
) -> Result<String, OauthError> {
    match request.grant_type.as_deref() {
        Some(REFRESH_TOKEN_GRANT) => {
            verify_refresh(accounts, request).map(|u| u.user_email.clone())
        }
        _ => verify_grant(accounts, request, now).map(|a| a.user_email.clone()),
    }
}

/// Checks a refresh-token grant: the OAuth client (`client_id`, `client_secret`) of a user
/// credential of this server, and its refresh token. A wrong client is `invalid_client`, a
/// wrong refresh token `invalid_grant` (as Google's endpoint answers them).
pub fn verify_refresh(
    accounts: &DevAccounts,
    request: &TokenRequest,
) -> Result<Arc<DevUser>, OauthError> {
    use subtle::ConstantTimeEq as _;
    let field = |value: &Option<String>, name: &str| {
        value
            .as_deref()
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .ok_or_else(|| {
                OauthError::new(
                    "invalid_request",
                    format!("{name} is missing: a refresh_token grant sends client_id, client_secret and refresh_token"),
                )
            })
    };
    let client_id = field(&request.client_id, "client_id")?;
    let client_secret = field(&request.client_secret, "client_secret")?;
    let refresh_token = field(&request.refresh_token, "refresh_token")?;
    let user = accounts
        .user(&client_id)
        .filter(|u| {
            bool::from(
                crate::auth::hash_token(&client_secret)
                    .ct_eq(&u.client_secret_hash),
            )
        })
        .ok_or_else(|| {
            OauthError::new(
                "invalid_client",
                format!(
                    "client_id '{}' with this client_secret is not an OAuth client of this server (see {USER_FILE_NAME})",
                    client_id.escape_default()
                ),
            )
        })?;
    if !bool::from(crate::auth::hash_token(&refresh_token).ct_eq(&user.refresh_token_hash)) {
        return Err(OauthError::new(
            "invalid_grant",
            "Token has been expired or revoked: the refresh_token is not this client's",
        ));
    }
    Ok(user)
}

/// Checks a token request: the grant type, then the assertion's RS256 signature against the
/// known service accounts, its `iss` (the account's email), `aud` (its `token_uri`), `exp`
/// (not past), `iat` (not in the future, at most an hour before `exp`) and `scope` (the Cloud
/// Platform scope). Answers the account whose token to issue. `now` is the wall clock (the
/// client signs with it), in seconds since the epoch.
pub fn verify_grant(
    accounts: &DevAccounts,
    request: &TokenRequest,
    now: i64,
) -> Result<Arc<DevAccount>, OauthError> {
    match request.grant_type.as_deref() {
        Some(JWT_BEARER_GRANT) => {}
        None | Some("") => {
            return Err(OauthError::new(
                "invalid_request",
                format!("grant_type is missing: send grant_type={JWT_BEARER_GRANT}"),
            ));
        }
        Some(other) => {
            return Err(OauthError::new(
                "unsupported_grant_type",
                format!(
                    "grant_type '{}' is not supported here: only {JWT_BEARER_GRANT} (RFC 7523) and {REFRESH_TOKEN_GRANT}",
                    other.escape_default()
                ),
            ));
        }
    }
    let assertion = request
        .assertion
        .as_deref()
        .filter(|a| !a.is_empty())
        .ok_or_else(|| {
            OauthError::new(
                "invalid_request",
                "assertion is missing: send the signed JWT as assertion=JWT",
            )
        })?;
    let header = jsonwebtoken::decode_header(assertion).map_err(|e| {
        OauthError::new("invalid_grant", format!("the assertion is not a JWT: {e}"))
    })?;
    if header.alg != jsonwebtoken::Algorithm::RS256 {
        return Err(OauthError::new(
            "invalid_grant",
            format!(
                "the assertion is signed with {:?}; service-account assertions are RS256",
                header.alg
            ),
        ));
    }
    // Which account the assertion claims to be (read unverified, only to pick the key).
    let issuer = claimed_issuer(assertion).ok_or_else(|| {
        OauthError::new(
            "invalid_grant",
            "the assertion has no iss claim: it must be the service account's email",
        )
    })?;
    let candidates: Vec<Arc<DevAccount>> = accounts
        .all()
        .into_iter()
        .filter(|a| a.client_email == issuer)
        .filter(|a| header.kid.as_deref().is_none_or(|kid| kid == a.key_id))
        .collect();
    if candidates.is_empty() {
        return Err(OauthError::new(
            "invalid_grant",
            format!(
                "the assertion's iss '{}' is not a service account of this server (or its kid is not that account's key)",
                issuer.escape_default()
            ),
        ));
    }
    // Google's token endpoint also takes the segments in padded base64url, as yup-oauth2 and
    // gcp_auth send them: the signature is checked over the segments as sent, the claims are
    // read from them unpadded.
    let (signed, signature) = assertion.rsplit_once('.').unwrap_or((assertion, ""));
    let unpadded = assertion
        .split('.')
        .map(|segment| segment.trim_end_matches('='))
        .collect::<Vec<_>>()
        .join(".");
    for account in candidates {
        match jsonwebtoken::crypto::verify(
            signature.trim_end_matches('='),
            signed.as_bytes(),
            &account.verifying,
            jsonwebtoken::Algorithm::RS256,
        ) {
            Ok(true) => {}
            // another account's key: try the next one
            Ok(false) => continue,
            Err(e) => {
                return Err(OauthError::new(
                    "invalid_grant",
                    format!("the assertion's signature cannot be read: {e}"),
                ));
            }
        }
        let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
        // Checked above, over the segments as sent (jsonwebtoken checks it over the unpadded
        // ones, which a padded assertion was not signed over); `decode` still validates the
        // claims, which `dangerous::insecure_decode` (the replacement it names) would not.
        #[allow(deprecated)]
        validation.insecure_disable_signature_validation();
        validation.leeway = LEEWAY_SECONDS as u64;
        validation.set_audience(&[account.token_uri.as_str()]);
        validation.set_issuer(&[account.client_email.as_str()]);
        validation.set_required_spec_claims(&["exp", "iat", "aud", "iss"]);
        let claims = match jsonwebtoken::decode::<Claims>(
            &unpadded,
            &account.verifying,
            &validation,
        ) {
            Ok(data) => data.claims,
            Err(e) => {
                use jsonwebtoken::errors::ErrorKind;
                let why = match e.kind() {
                    // another account's key: try the next one
                    ErrorKind::InvalidSignature => continue,
                    ErrorKind::ExpiredSignature => {
                        "the assertion has expired (its exp is in the past): sign a new one"
                            .to_string()
                    }
                    ErrorKind::InvalidAudience => format!(
                        "the assertion's aud is not this endpoint: it must be the key file's token_uri, {}",
                        account.token_uri
                    ),
                    ErrorKind::InvalidIssuer => format!(
                        "the assertion's iss is not the service account: it must be {}",
                        account.client_email
                    ),
                    ErrorKind::MissingRequiredClaim(claim) => {
                        format!("the assertion has no '{claim}' claim")
                    }
                    ErrorKind::ImmatureSignature => {
                        "the assertion is not valid yet (nbf is in the future)".to_string()
                    }
                    other => format!("the assertion cannot be read: {other:?}"),
                };
                return Err(OauthError::new("invalid_grant", why));
            }
        };
        debug_assert_eq!(claims.iss, account.client_email);
        if claims.iat > now + LEEWAY_SECONDS {
            return Err(OauthError::new(
                "invalid_grant",
                "the assertion's iat is in the future: check the clock of the signing machine",
            ));
        }
        if claims.exp - claims.iat > MAX_ASSERTION_SECONDS {
            return Err(OauthError::new(
                "invalid_grant",
                format!(
                    "the assertion lives {} s (exp - iat); at most {MAX_ASSERTION_SECONDS} s are allowed",
                    claims.exp - claims.iat
                ),
            ));
        }
        let scopes = claims.scope.unwrap_or_default();
        if !scopes.split_whitespace().any(|s| s == CLOUD_PLATFORM_SCOPE) {
            return Err(OauthError::new(
                "invalid_scope",
                format!("the assertion's scope must include {CLOUD_PLATFORM_SCOPE}"),
            ));
        }
        return Ok(account);
    }
    Err(OauthError::new(
        "invalid_grant",
        "Invalid JWT Signature: the assertion is not signed by a service-account key of this server",
    ))
}

/// The `iss` claim of a JWT, read without verifying it.
fn claimed_issuer(jwt: &str) -> Option<String> {
    use base64::Engine as _;
    let payload = jwt.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    claims.get("iss")?.as_str().map(str::to_string)
}

/// When an access token issued at `now` (the server's clock) expires.
pub fn access_token_expiry(now: Timestamp) -> Timestamp {
    now.saturating_add(SignedDuration::from_secs(ACCESS_TOKEN_SECONDS))
        .unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_restart_keeps_the_key_and_points_token_uri_at_the_new_address() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(KEY_FILE_NAME);
        let first = prepare_account(
            &path,
            "http://127.0.0.1:1/v2/dev/oauth2/token",
            "acme",
            "alex@reseller.example.com",
            KeyPair::generate,
        )
        .unwrap();
        let written: ServiceAccountKey =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let second = prepare_account(
            &path,
            "http://127.0.0.1:2/v2/dev/oauth2/token",
            "acme",
            "alex@reseller.example.com",
            || panic!("a key file that is there is reused"),
        )
        .unwrap();
        let rewritten: ServiceAccountKey =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(second.key_id, first.key_id);
        assert_eq!(rewritten.private_key, written.private_key);
        assert_eq!(
            rewritten.token_uri,
            "http://127.0.0.1:2/v2/dev/oauth2/token"
        );
        assert_eq!(
            rewritten.client_email,
            "rsupport-dev@acme.iam.gserviceaccount.com"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn an_assertion_in_padded_base64url_is_accepted_as_googles_endpoint_does() {
        use base64::Engine as _;
        let dir = tempfile::tempdir().unwrap();
        let token_uri = "http://127.0.0.1:1/v2/dev/oauth2/token";
        let account = prepare_account(
            &dir.path().join(KEY_FILE_NAME),
            token_uri,
            "acme",
            "alex@reseller.example.com",
            KeyPair::generate,
        )
        .unwrap();
        let key: ServiceAccountKey =
            serde_json::from_slice(&std::fs::read(dir.path().join(KEY_FILE_NAME)).unwrap())
                .unwrap();
        let accounts = DevAccounts::default();
        accounts.add(account);
        let now = jiff::Timestamp::now().as_second();
        // as yup-oauth2 and gcp_auth write it: every segment padded, signed as padded
        let padded = |bytes: &[u8]| base64::engine::general_purpose::URL_SAFE.encode(bytes);
        let header = padded(br#"{"alg":"RS256","typ":"JWT"}"#);
        let mut text = serde_json::json!({
            "iss": key.client_email,
            "scope": CLOUD_PLATFORM_SCOPE,
            "aud": token_uri,
            "iat": now,
            "exp": now + 600,
        })
        .to_string();
        // a length that base64 pads (JSON allows the trailing blanks)
        while text.len().is_multiple_of(3) {
            text.push(' ');
        }
        let claims = padded(text.as_bytes());
        assert!(claims.ends_with('='), "{claims}");
        let signed = format!("{header}.{claims}");
        let signing_key =
            jsonwebtoken::EncodingKey::from_rsa_pem(key.private_key.as_bytes()).unwrap();
        let signature = jsonwebtoken::crypto::sign(
            signed.as_bytes(),
            &signing_key,
            jsonwebtoken::Algorithm::RS256,
        )
        .unwrap();
        let request = TokenRequest {
            grant_type: Some(JWT_BEARER_GRANT.to_string()),
            // a 2048-bit signature is 256 bytes: "==" in padded base64url
            assertion: Some(format!("{signed}.{signature}==")),
            ..TokenRequest::default()
        };
        let granted = verify_grant(&accounts, &request, now).expect("a padded assertion");
        assert_eq!(granted.user_email, "alex@reseller.example.com");
        // and its signature still binds it: another claim is refused
        let forged = TokenRequest {
            assertion: Some(format!(
                "{header}.{}.{signature}",
                padded(
                    serde_json::json!({"iss": key.client_email, "scope": CLOUD_PLATFORM_SCOPE,
                        "aud": token_uri, "iat": now, "exp": now + 3000})
                    .to_string()
                    .as_bytes()
                )
            )),
            ..request
        };
        assert_eq!(
            verify_grant(&accounts, &forged, now)
                .err()
                .expect("refused")
                .error,
            "invalid_grant"
        );
    }

    #[test]
    fn a_restart_keeps_the_user_credential_and_only_its_refresh_token_is_granted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(USER_FILE_NAME);
        prepare_user(&path, "http://127.0.0.1:1/t", "alex@reseller.example.com").unwrap();
        let first: AuthorizedUserFile =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let user =
            prepare_user(&path, "http://127.0.0.1:2/t", "alex@reseller.example.com").unwrap();
        let second: AuthorizedUserFile =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(second.refresh_token, first.refresh_token);
        assert_eq!(second.client_secret, first.client_secret);
        assert_eq!(second.token_uri, "http://127.0.0.1:2/t");
        let accounts = DevAccounts::default();
        accounts.add_user(user);
        let grant = |refresh_token: &str| TokenRequest {
            grant_type: Some(REFRESH_TOKEN_GRANT.to_string()),
            client_id: Some(second.client_id.clone()),
            client_secret: Some(second.client_secret.clone()),
            refresh_token: Some(refresh_token.to_string()),
            ..TokenRequest::default()
        };
        assert_eq!(
            verify_request(&accounts, &grant(&second.refresh_token), 0).unwrap(),
            "alex@reseller.example.com"
        );
        assert_eq!(
            verify_request(&accounts, &grant("other"), 0)
                .unwrap_err()
                .error,
            "invalid_grant"
        );
    }

    #[test]
    fn a_grant_of_another_type_or_without_an_assertion_is_refused() {
        let accounts = DevAccounts::default();
        let refused = |grant: Option<&str>, assertion: Option<&str>| {
            verify_grant(
                &accounts,
                &TokenRequest {
                    grant_type: grant.map(str::to_string),
                    assertion: assertion.map(str::to_string),
                    ..TokenRequest::default()
                },
                0,
            )
            .err()
            .expect("refused")
            .error
        };
        assert_eq!(refused(None, Some("a.b.c")), "invalid_request");
        assert_eq!(
            refused(Some("authorization_code"), Some("a.b.c")),
            "unsupported_grant_type"
        );
        assert_eq!(refused(Some(JWT_BEARER_GRANT), None), "invalid_request");
        assert_eq!(
            refused(Some(JWT_BEARER_GRANT), Some("a.b.c")),
            "invalid_grant"
        );
    }
}
