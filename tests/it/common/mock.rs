//! A scripted HTTP server on 127.0.0.1:0 for what the real server cannot be made to do
//! (garbage bodies, dropped connections, slow replies), and to show that a request was never
//! sent: it records the head of every request it receives.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// How the mock answers one connection.
#[derive(Clone)]
pub enum Reply {
    /// A full HTTP response: status line, extra headers, body.
    Http(u16, Vec<(&'static str, String)>, String),
    /// Close the connection after reading the request, without a byte of answer.
    Drop,
    /// Wait, then answer.
    Slow(Duration, Box<Reply>),
}

pub fn json(status: u16, body: &str) -> Reply {
    Reply::Http(
        status,
        vec![("Content-Type", "application/json".into())],
        body.into(),
    )
}

/// A scripted server on 127.0.0.1:0: the n-th connection gets the n-th reply (the last one
/// repeats). It records each request: its head, then its body (as text).
pub struct MockServer {
    pub url: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl MockServer {
    pub fn start(replies: Vec<Reply>) -> MockServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        thread::spawn(move || {
            for (n, stream) in listener.incoming().enumerate() {
                let Ok(stream) = stream else { continue };
                let reply = replies[n.min(replies.len() - 1)].clone();
                let seen = seen.clone();
                thread::spawn(move || serve(stream, reply, seen));
            }
        });
        MockServer { url, requests }
    }

    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

fn serve(stream: TcpStream, reply: Reply, seen: Arc<Mutex<Vec<String>>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut head = String::new();
    let mut content_length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            content_length = value.trim().parse().unwrap_or(0);
        }
        head.push_str(&line);
        if line == "\r\n" {
            break;
        }
    }
    let mut body = vec![0; content_length];
    let _ = reader.read_exact(&mut body);
    head.push_str(&String::from_utf8_lossy(&body));
    seen.lock().unwrap().push(head);
    answer(stream, reply);
}

fn answer(mut stream: TcpStream, reply: Reply) {
    match reply {
        Reply::Drop => drop(stream),
        Reply::Slow(wait, reply) => {
            thread::sleep(wait);
            answer(stream, *reply);
        }
        Reply::Http(status, headers, body) => {
            let mut text = format!(
                "HTTP/1.1 {status} Mock\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (name, value) in headers {
                text.push_str(&format!("{name}: {value}\r\n"));
            }
            text.push_str("\r\n");
            text.push_str(&body);
            let _ = stream.write_all(text.as_bytes());
        }
    }
}
