//! The status line's message and the log of the last messages. A message stays on the status
//! line until the next message replaces it (moving through a list says nothing, so it does not
//! wipe a receipt the user has not read yet); the log keeps the last [`LOG_SIZE`] messages whole,
//! with their time, for when the line had to cut one or it was replaced too soon.

use jiff::Timestamp;
use std::collections::VecDeque;

/// How many messages the log keeps.
pub const LOG_SIZE: usize = 100;

/// How a status message looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Ok,
    Error,
}

/// The message on the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub tone: Tone,
}

/// One message as the log keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logged {
    pub at: Timestamp,
    pub text: String,
    pub tone: Tone,
    /// How many times in a row it was said (a key pressed again and again logs once).
    pub times: u32,
}

/// The current message and the log, owned together so every message shown is also logged.
#[derive(Debug)]
pub struct Messages {
    current: Status,
    log: VecDeque<Logged>,
}

impl Default for Messages {
    fn default() -> Self {
        Messages {
            current: Status {
                text: String::new(),
                tone: Tone::Info,
            },
            log: VecDeque::with_capacity(LOG_SIZE),
        }
    }
}

impl Messages {
    /// Shows `text` and logs it. Control characters (a name typed with an escape sequence in
    /// it) are made visible, so a message never drives the terminal.
    pub fn say(&mut self, text: &str, tone: Tone, at: Timestamp) {
        let text = crate::domain::text::displayable(text).into_owned();
        match self.log.back_mut() {
            _ if text.is_empty() => {}
            Some(last) if last.text == text && last.tone == tone => {
                last.at = at;
                last.times += 1;
            }
            _ => {
                if self.log.len() == LOG_SIZE {
                    self.log.pop_front();
                }
                self.log.push_back(Logged {
                    at,
                    text: text.clone(),
                    tone,
                    times: 1,
                });
            }
        }
        self.current = Status { text, tone };
    }

    /// A background job's news (records due for purging): logged, but shown only when the
    /// status line is empty, so it never replaces what the user was just told about their own
    /// keys (a job that finishes late on a slow machine would otherwise hide the receipt).
    pub fn say_when_free(&mut self, text: &str, tone: Tone, at: Timestamp) {
        let shown = self.current.clone();
        self.say(text, tone, at);
        if !shown.text.is_empty() {
            self.current = shown;
        }
    }

    /// The message on the status line now.
    pub fn current(&self) -> &Status {
        &self.current
    }

    /// The logged messages, newest first.
    pub fn newest_first(&self) -> impl Iterator<Item = &Logged> {
        self.log.iter().rev()
    }

    pub fn len(&self) -> usize {
        self.log.len()
    }

    pub fn is_empty(&self) -> bool {
        self.log.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + second).unwrap()
    }

    #[test]
    fn the_log_keeps_the_last_hundred_newest_first() {
        let mut m = Messages::default();
        for i in 0..130 {
            m.say(&format!("message {i}"), Tone::Info, at(i));
        }
        assert_eq!(m.len(), LOG_SIZE);
        let texts: Vec<&str> = m.newest_first().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[0], "message 129");
        assert_eq!(texts[LOG_SIZE - 1], format!("message {}", 130 - LOG_SIZE));
        assert_eq!(m.current().text, "message 129");
    }

    #[test]
    fn background_news_waits_for_an_empty_line_but_is_logged() {
        let mut m = Messages::default();
        m.say("undone: logged visit", Tone::Ok, at(0));
        m.say_when_free("privacy: 2 records due", Tone::Info, at(1));
        assert_eq!(m.current().text, "undone: logged visit");
        assert_eq!(
            m.newest_first().next().unwrap().text,
            "privacy: 2 records due"
        );
        m.say("", Tone::Info, at(2));
        m.say_when_free("privacy: 2 records due", Tone::Info, at(3));
        assert_eq!(m.current().text, "privacy: 2 records due");
    }

    #[test]
    fn an_empty_message_clears_the_line_but_is_not_logged() {
        let mut m = Messages::default();
        m.say("saved", Tone::Ok, at(0));
        m.say("", Tone::Info, at(1));
        assert_eq!(m.current().text, "");
        assert_eq!(m.len(), 1);
    }

    #[test]
    fn a_message_said_again_and_again_is_logged_once_with_a_count() {
        let mut m = Messages::default();
        m.say("accepted A", Tone::Ok, at(0));
        for i in 1..=3 {
            m.say("j does nothing here", Tone::Info, at(i));
        }
        m.say("accepted A", Tone::Ok, at(9));
        let log: Vec<(&str, u32, Timestamp)> = m
            .newest_first()
            .map(|l| (l.text.as_str(), l.times, l.at))
            .collect();
        assert_eq!(
            log,
            vec![
                ("accepted A", 1, at(9)),
                ("j does nothing here", 3, at(3)),
                ("accepted A", 1, at(0)),
            ]
        );
    }

    #[test]
    fn escape_sequences_are_shown_not_sent() {
        let mut m = Messages::default();
        m.say("noted for Bos\u{1b}[2J\nB.V.", Tone::Ok, at(0));
        let text = &m.current().text;
        assert!(!text.chars().any(|c| c.is_control()), "{text:?}");
        assert_eq!(m.newest_first().next().unwrap().text, *text);
    }
}
