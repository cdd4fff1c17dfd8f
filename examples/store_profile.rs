//! Entries and bytes per sled tree of a store: the profile behind the README's store figures.
//! `cargo run --release --example store_profile -- STORE` (the store must not be open).

fn main() {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: store_profile STORE");
        std::process::exit(2);
    };
    if !std::path::Path::new(&path).join("db").is_file() {
        eprintln!("{} is not a store (no db file)", path.to_string_lossy());
        std::process::exit(1);
    }
    let db = match sled::Config::new().path(&path).open() {
        Ok(db) => db,
        Err(e) => {
            eprintln!("cannot open {}: {e}", path.to_string_lossy());
            std::process::exit(1);
        }
    };
    let (mut entries, mut keys, mut values) = (0u64, 0u64, 0u64);
    println!("| tree | entries | key bytes | value bytes |");
    println!("|---|---|---|---|");
    for name in db.tree_names() {
        let tree = db.open_tree(&name).expect("tree listed by sled opens");
        let (mut n, mut k, mut v) = (0u64, 0u64, 0u64);
        for item in tree.iter() {
            let (key, value) = item.expect("entry reads");
            n += 1;
            k += key.len() as u64;
            v += value.len() as u64;
        }
        if n == 0 {
            continue;
        }
        println!("| {} | {n} | {k} | {v} |", String::from_utf8_lossy(&name));
        (entries, keys, values) = (entries + n, keys + k, values + v);
    }
    println!("| all | {entries} | {keys} | {values} |");
}
