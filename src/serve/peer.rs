//! Who is on the other end of a Unix socket, from the kernel (`SO_PEERCRED`): the holder serves
//! only its own user, and the client names the holder's process.

use std::io;
use std::os::unix::io::AsRawFd;
use std::os::unix::net::UnixStream;

/// The peer's process and user, as the kernel recorded them when it connected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Peer {
    pub pid: u32,
    pub uid: u32,
}

/// The credentials of the process at the other end of `conn`.
#[cfg(target_os = "linux")]
pub fn peer_of(conn: &UnixStream) -> io::Result<Peer> {
    let mut cred = libc::ucred {
        pid: 0,
        uid: 0,
        gid: 0,
    };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: getsockopt writes at most `len` bytes into `cred`, which is that large.
    let rc = unsafe {
        libc::getsockopt(
            conn.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            (&mut cred as *mut libc::ucred).cast(),
            &mut len,
        )
    };
    if rc != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(Peer {
        pid: cred.pid as u32,
        uid: cred.uid,
    })
}

/// Elsewhere the peer's user is read with `getpeereid`; the process is not known (0).
#[cfg(not(target_os = "linux"))]
pub fn peer_of(conn: &UnixStream) -> io::Result<Peer> {
    let (mut uid, mut gid) = (0, 0);
    // SAFETY: getpeereid writes two ids it is given room for.
    if unsafe { libc::getpeereid(conn.as_raw_fd(), &mut uid, &mut gid) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(Peer { pid: 0, uid })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_ends_of_a_pair_are_this_process_and_user() {
        let (a, _b) = UnixStream::pair().unwrap();
        let p = peer_of(&a).unwrap();
        assert_eq!(p.pid, std::process::id());
        // SAFETY: getuid cannot fail.
        assert_eq!(p.uid, unsafe { libc::getuid() });
    }
}
