//! The socket's messages (docs/socket-protocol.md): each a frame of a 4-byte big-endian length
//! and that many bytes of JSON, never more than [`MAX_FRAME`]. The client sends one
//! [`Request`]; the holder answers with [`Reply`] frames, output first, [`Reply::Exit`] last.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{self, Read, Write};

/// Bumped whenever a message changes shape; both ends say so in one sentence on a mismatch.
pub const VERSION: u32 = 1;

/// No frame is larger: a request is a command line, output travels in chunks.
pub const MAX_FRAME: usize = 1024 * 1024;

/// Output is sent in pieces of at most this many bytes (JSON escaping may grow one six-fold).
pub const OUTPUT_CHUNK: usize = 64 * 1024;

/// A command typed in another terminal, as that terminal has it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub version: u32,
    /// The command line, program name first.
    pub argv: Vec<String>,
    /// Where relative paths in it point.
    pub cwd: String,
    /// The store path as that terminal resolved it (`--store`, `WORTEL_STORE` or the default).
    pub store: String,
    /// The environment the command reads: `WORTEL_NOW`, and `WORTEL_CONFIG` as the asking
    /// terminal resolved its configuration directory (absent: it has none).
    pub env: BTreeMap<String, String>,
    /// The width of the terminal its output goes to, for tables (`None`: not a terminal).
    pub columns: Option<u16>,
    /// Both its input and its output are a terminal (bare `wortel` would open the view).
    #[serde(default)]
    pub terminal: bool,
}

/// One frame of the holder's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// A piece of the command's standard output.
    Stdout(String),
    /// A piece of its standard error.
    Stderr(String),
    /// The command ended with this exit code; nothing follows.
    Exit(u8),
    /// The request is not run; the sentence says why. Nothing follows.
    Refused(String),
}

/// A reply frame on the wire: the version travels in every frame.
#[derive(Debug, Serialize, Deserialize)]
pub struct ReplyFrame {
    pub version: u32,
    pub reply: Reply,
}

/// Only the version of a message, read before the rest so another version gets a sentence.
#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// What can go wrong reading a frame.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    #[error("the other end closed the connection")]
    Closed,
    #[error("a message of {0} bytes is more than the {MAX_FRAME} bytes the protocol allows")]
    TooLarge(usize),
    #[error("it speaks version {0} of the socket protocol, this wortel version {VERSION}")]
    OtherVersion(u32),
    #[error("a message is not the protocol's JSON ({0})")]
    Malformed(String),
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Writes one frame.
pub fn write_frame(w: &mut impl Write, message: &impl Serialize) -> io::Result<()> {
    let body = serde_json::to_vec(message).map_err(io::Error::other)?;
    if body.len() > MAX_FRAME {
        return Err(io::Error::other(format!(
            "a message of {} bytes is more than the protocol allows",
            body.len()
        )));
    }
    let mut frame = Vec::with_capacity(body.len() + 4);
    frame.extend_from_slice(&(body.len() as u32).to_be_bytes());
    frame.extend_from_slice(&body);
    w.write_all(&frame)?;
    w.flush()
}

/// Reads one frame's bytes, refusing one larger than [`MAX_FRAME`] before reading it.
fn read_frame_bytes(r: &mut impl Read) -> Result<Vec<u8>, FrameError> {
    let mut len = [0u8; 4];
    match r.read_exact(&mut len) {
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Err(FrameError::Closed),
        Err(e) if e.kind() == io::ErrorKind::ConnectionReset => return Err(FrameError::Closed),
        other => other?,
    }
    let len = u32::from_be_bytes(len) as usize;
    if len > MAX_FRAME {
        return Err(FrameError::TooLarge(len));
    }
    let mut body = vec![0u8; len];
    match r.read_exact(&mut body) {
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Err(FrameError::Closed),
        Err(e) if e.kind() == io::ErrorKind::ConnectionReset => Err(FrameError::Closed),
        other => other.map(|()| body).map_err(FrameError::Io),
    }
}

/// Reads one frame of type `T`, checking its version first.
pub fn read_message<T: for<'de> Deserialize<'de>>(r: &mut impl Read) -> Result<T, FrameError> {
    let body = read_frame_bytes(r)?;
    let version: VersionOnly =
        serde_json::from_slice(&body).map_err(|e| FrameError::Malformed(e.to_string()))?;
    if version.version != VERSION {
        return Err(FrameError::OtherVersion(version.version));
    }
    serde_json::from_slice(&body).map_err(|e| FrameError::Malformed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Request {
        Request {
            version: VERSION,
            argv: vec!["wortel".into(), "leads".into(), "--json".into()],
            cwd: "/home/ton".into(),
            store: "/home/ton/store".into(),
            env: BTreeMap::from([("WORTEL_NOW".into(), "2026-11-23T09:00:00Z".into())]),
            columns: Some(80),
            terminal: true,
        }
    }

    #[test]
    fn a_request_and_its_replies_read_back_as_written() {
        let mut wire = Vec::new();
        write_frame(&mut wire, &request()).unwrap();
        let reply = ReplyFrame {
            version: VERSION,
            reply: Reply::Stdout("2 leads\n".into()),
        };
        write_frame(&mut wire, &reply).unwrap();
        let mut r = wire.as_slice();
        assert_eq!(read_message::<Request>(&mut r).unwrap(), request());
        let back: ReplyFrame = read_message(&mut r).unwrap();
        assert_eq!(back.reply, Reply::Stdout("2 leads\n".into()));
        assert!(matches!(
            read_message::<ReplyFrame>(&mut r),
            Err(FrameError::Closed)
        ));
    }

    #[test]
    fn another_version_is_named_before_the_rest_is_read() {
        let mut wire = Vec::new();
        write_frame(
            &mut wire,
            &serde_json::json!({"version": 7, "shape": "new"}),
        )
        .unwrap();
        let err = read_message::<Request>(&mut wire.as_slice()).unwrap_err();
        assert!(matches!(err, FrameError::OtherVersion(7)), "{err}");
        assert_eq!(
            err.to_string(),
            "it speaks version 7 of the socket protocol, this wortel version 1"
        );
    }

    #[test]
    fn an_oversized_frame_is_refused_without_reading_it() {
        let mut wire = ((MAX_FRAME + 1) as u32).to_be_bytes().to_vec();
        wire.extend_from_slice(b"{}");
        let err = read_message::<Request>(&mut wire.as_slice()).unwrap_err();
        assert!(matches!(err, FrameError::TooLarge(n) if n == MAX_FRAME + 1));
        let big = "x".repeat(MAX_FRAME);
        assert!(
            write_frame(&mut Vec::new(), &big).is_err(),
            "never sent either"
        );
    }

    #[test]
    fn a_frame_cut_short_is_a_closed_connection() {
        let mut wire = Vec::new();
        write_frame(&mut wire, &request()).unwrap();
        wire.truncate(wire.len() - 3);
        let err = read_message::<Request>(&mut wire.as_slice()).unwrap_err();
        assert!(matches!(err, FrameError::Closed), "{err}");
    }
}
