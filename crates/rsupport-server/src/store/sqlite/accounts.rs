//! Domains, users, tokens and customers.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::CachedRow as _;
use super::{StoreError, from_micros, to_micros};
use crate::store::model::*;
use rsupport_api::types::{Contact, Customer, Privilege, Role, SupportPlan};

pub fn domain_exists(conn: &Connection, domain: &str) -> Result<bool, StoreError> {
    Ok(conn
        .cached_row(
            "SELECT 1 FROM domains WHERE name = ?1",
            [domain],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Adds a domain; answers false when it already existed.
pub fn insert_domain(conn: &Connection, domain: &str, now: Timestamp) -> Result<bool, StoreError> {
    let n = conn.execute(
        "INSERT INTO domains(name, create_time) VALUES (?1, ?2) ON CONFLICT(name) DO NOTHING",
        params![domain, to_micros(now)],
    )?;
    Ok(n == 1)
}

fn privileges_to_text(privileges: &[Privilege]) -> String {
    privileges
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn user_from_row(row: &Row, offset: usize) -> rusqlite::Result<UserRecord> {
    let role: String = row.get(offset + 3)?;
    let privileges: String = row.get(offset + 4)?;
    Ok(UserRecord {
        id: row.get(offset)?,
        email: row.get(offset + 1)?,
        domain: row.get(offset + 2)?,
        role: if role == "agent" {
            Role::Agent
        } else {
            Role::Reseller
        },
        privileges: privileges
            .split(',')
            .filter_map(|p| p.parse().ok())
            .collect(),
    })
}

const USER_COLUMNS: &str = "u.id, u.email, u.domain, u.role, u.privileges";

pub fn find_user(conn: &Connection, email: &str) -> Result<Option<UserRecord>, StoreError> {
    Ok(conn
        .cached_row(
            &format!("SELECT {USER_COLUMNS} FROM users u WHERE u.email = ?1"),
            [email],
            |r| user_from_row(r, 0),
        )
        .optional()?)
}

/// Creates or updates a user (its domain, role and privileges).
pub fn upsert_user(
    conn: &Connection,
    email: &str,
    domain: Option<&str>,
    role: Role,
    privileges: &[Privilege],
    now: Timestamp,
) -> Result<UserRecord, StoreError> {
    let role_text = match role {
        Role::Reseller => "reseller",
        Role::Agent => "agent",
    };
    conn.execute(
        "INSERT INTO users(email, domain, role, privileges, create_time) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(email) DO UPDATE SET domain = excluded.domain, role = excluded.role,
             privileges = excluded.privileges",
        params![
            email,
            domain,
            role_text,
            privileges_to_text(privileges),
            to_micros(now)
        ],
    )?;
    find_user(conn, email)?.ok_or_else(|| StoreError::Corrupt(format!("user {email} vanished")))
}

pub fn insert_token(
    conn: &Connection,
    user_id: i64,
    token_hash: &[u8],
    now: Timestamp,
    expire_time: Option<Timestamp>,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO tokens(user_id, token_hash, create_time, expire_time) VALUES (?1, ?2, ?3, ?4)",
        params![
            user_id,
            token_hash,
            to_micros(now),
            expire_time.map(to_micros)
        ],
    )?;
    Ok(())
}

pub fn find_token(conn: &Connection, token_hash: &[u8]) -> Result<Option<TokenRecord>, StoreError> {
    let row = conn
        .cached_row(
            &format!(
                "SELECT t.token_hash, t.expire_time, t.revoke_time, {USER_COLUMNS}
                 FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?1"
            ),
            [token_hash],
            |r| {
                Ok((
                    r.get::<_, Vec<u8>>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, Option<i64>>(2)?,
                    user_from_row(r, 3)?,
                ))
            },
        )
        .optional()?;
    row.map(|(token_hash, expire, revoke, user)| {
        Ok(TokenRecord {
            token_hash,
            expire_time: expire.map(from_micros).transpose()?,
            revoke_time: revoke.map(from_micros).transpose()?,
            user,
        })
    })
    .transpose()
}

/// Revokes every live token of a user; answers how many.
pub fn revoke_user_tokens(
    conn: &Connection,
    user_id: i64,
    now: Timestamp,
) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "UPDATE tokens SET revoke_time = ?2 WHERE user_id = ?1 AND revoke_time IS NULL",
        params![user_id, to_micros(now)],
    )?)
}

/// Revokes one token of a user, found by its hash; answers whether it was live.
pub fn revoke_token(
    conn: &Connection,
    user_id: i64,
    token_hash: &[u8],
    now: Timestamp,
) -> Result<bool, StoreError> {
    Ok(conn.execute(
        "UPDATE tokens SET revoke_time = ?3
         WHERE user_id = ?1 AND token_hash = ?2 AND revoke_time IS NULL",
        params![user_id, token_hash, to_micros(now)],
    )? == 1)
}

const CUSTOMER_COLUMNS: &str = "id, display_name, primary_domain, reseller_domain, plan, \
     access_granted, contact_name, contact_email, contact_phone";

fn customer_from_row(row: &Row) -> rusqlite::Result<Customer> {
    let plan: String = row.get(4)?;
    Ok(Customer {
        id: row.get(0)?,
        display_name: row.get(1)?,
        primary_domain: row.get(2)?,
        reseller_domain: row.get(3)?,
        plan: plan.parse().unwrap_or(SupportPlan::Standard),
        access_granted: row.get(5)?,
        contact: Contact {
            name: row.get(6)?,
            email: row.get(7)?,
            phone: row.get(8)?,
        },
    })
}

pub fn find_customer(conn: &Connection, id: &str) -> Result<Option<Customer>, StoreError> {
    Ok(conn
        .cached_row(
            &format!("SELECT {CUSTOMER_COLUMNS} FROM customers WHERE id = ?1"),
            [id],
            customer_from_row,
        )
        .optional()?)
}

/// Adds a customer, or replaces every field of an existing one.
pub fn upsert_customer(conn: &Connection, c: &Customer) -> Result<(), StoreError> {
    conn.execute(
        &format!(
            "INSERT INTO customers({CUSTOMER_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name,
                 primary_domain = excluded.primary_domain, reseller_domain = excluded.reseller_domain,
                 plan = excluded.plan, access_granted = excluded.access_granted,
                 contact_name = excluded.contact_name, contact_email = excluded.contact_email,
                 contact_phone = excluded.contact_phone"
        ),
        params![
            c.id,
            c.display_name,
            c.primary_domain,
            c.reseller_domain,
            c.plan.as_str(),
            c.access_granted,
            c.contact.name,
            c.contact.email,
            c.contact.phone
        ],
    )?;
    Ok(())
}

/// The customers a reseller domain manages now, by id, after `after` (keyset), filtered by a
/// keyword on id, display name and primary domain.
pub fn list_customers(
    conn: &Connection,
    reseller_domain: &str,
    keyword: Option<&str>,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<Customer>, StoreError> {
    let pattern = keyword.map(|k| format!("%{}%", k.replace(['%', '_'], "")));
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CUSTOMER_COLUMNS} FROM customers
         WHERE reseller_domain = ?1 AND id > ?2
           AND (?3 IS NULL OR id LIKE ?3 OR display_name LIKE ?3 OR primary_domain LIKE ?3)
         ORDER BY id LIMIT {limit}"
    ))?;
    let rows = stmt.query_map(
        params![reseller_domain, after.unwrap_or(""), pattern],
        customer_from_row,
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The support agent added first, if any.
pub fn first_agent(conn: &Connection) -> Result<Option<UserRecord>, StoreError> {
    Ok(conn
        .cached_row(
            &format!(
                "SELECT {USER_COLUMNS} FROM users u WHERE u.role = 'agent' ORDER BY u.id LIMIT 1"
            ),
            [],
            |r| user_from_row(r, 0),
        )
        .optional()?)
}
