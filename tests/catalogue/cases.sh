# cases.sh - the bad-input catalogue: one shell function c_NAME per case,
# run by scripts/catalogue.sh in a fresh mktemp folder (see lib.sh). Every
# input is built at run time; the small ones come from fixtures.sh ($FIX).
#
# CASES is the order cases are numbered and reported in; HEAVY lists the slow
# ones, which the runner starts first so they overlap with the rest.

CASES="
empty_file
empty_folder
non_text_folder
elf_binary
png_header
nul_bytes
mostly_nul
invalid_utf8
overlong_utf8
truncated_utf8
utf8_bom
utf16le_bom
utf16be_bom
utf16_broken
latin1
control_chars
bidi_marks
special_names
hostile_file_names
name_across_lines
ends_with_demonym
big_one_line_100mb
one_sentence_10mb
many_tiny_files
sparse_300mb
deep_nesting
unreadable_file
unreadable_folder
dangling_symlink
symlink_loop
fifo
device_file
missing_input
csv_unterminated_quote
csv_too_few_columns
csv_too_many_columns
csv_duplicate_alias
csv_empty_name
csv_blank_name
csv_bad_kind
csv_bad_quote
csv_bad_header
csv_empty_file
csv_binary
csv_missing
csv_crlf_bom_valid
out_missing_folder
out_dev_full
out_over_input
out_over_dictionary
out_named_twice
out_unwritable_folder
out_is_directory
out_atomic_enospc
out_atomic_readonly
out_file_size_limit
usage_errors
"

HEAVY="big_one_line_100mb one_sentence_10mb many_tiny_files sparse_300mb"

# Most cases: run INPUT... into out/o.graphml and out/o.dot (and the explain
# text out/o.txt); the runner validates all three.
run_std() { nb "$@" -o out/o.graphml -o out/o.dot -o out/o.txt; }

# ---- empty and non-text inputs --------------------------------------------

c_empty_file() {
    : > in/empty.txt
    run_std in/empty.txt
    expect_rc 1
    expect_err "in/empty.txt: empty file"
    expect_nodes out/o.graphml 0
}

c_empty_folder() {
    mkdir in/none
    run_std in/none
    expect_rc 1
    expect_err "0 article(s) read"
    expect_err "no article could be read"
    expect_nodes out/o.graphml 0
}

# ELF, PNG, JPEG, PDF, ZIP, GIF and a mostly-NUL file; a hidden article is
# ignored, so nothing at all is read.
c_non_text_folder() {
    mkdir in/bin
    cp /bin/true in/bin/true
    cp "$FIX"/header.* "$FIX/mostly_nul.bin" in/bin/
    cp "$FIX/ok.txt" in/bin/.hidden.txt
    run_std in/bin
    expect_rc 1
    n=$(count 'binary file, not text' "$W/err")
    [ "$n" -eq 7 ] || fail "$n files reported as binary, want 7: $(err_head)"
    expect_err "0 article(s) read, 7 skipped"
    expect_nodes out/o.graphml 0
}

c_elf_binary() {
    cp /bin/true in/true
    run_std in/true
    expect_rc 1
    expect_err "true: binary file, not text"
}

c_png_header() {
    cp "$FIX/header.png" in/
    run_std in/header.png
    expect_rc 1
    expect_err "header.png: binary file, not text"
}

# ---- encodings --------------------------------------------------------------

c_nul_bytes() {
    run_std "$FIX/nul.txt"
    expect_rc 0
    expect_edges out/o.graphml 2
}

c_mostly_nul() {
    run_std "$FIX/mostly_nul.bin"
    expect_rc 1
    expect_err "mostly_nul.bin: binary file, not text"
}

c_invalid_utf8() {
    run_std "$FIX/invalid_utf8.txt"
    expect_rc 0
    expect_err_re "invalid_utf8.txt: [0-9]+ invalid UTF-8 sequence\(s\) replaced"
    expect_edges out/o.graphml 2
}

# Overlong forms of < > & " / NUL must not decode to those characters.
c_overlong_utf8() {
    run_std "$FIX/overlong.txt"
    expect_rc 0
    expect_err_re "overlong.txt: [0-9]+ invalid UTF-8 sequence\(s\) replaced"
    for f in out/o.graphml out/o.dot out/o.txt; do expect_not_in "$f" "<script"; done
}

c_truncated_utf8() {
    run_std "$FIX/truncated_utf8.txt"
    expect_rc 0
    expect_edges out/o.graphml 2
}

c_utf8_bom() {
    run_std "$FIX/utf8_bom.txt"
    expect_rc 0
    expect_edges out/o.graphml 2
    expect_in out/o.graphml '<data key="label">Iran</data>'
}

c_utf16le_bom() {
    run_std "$FIX/utf16le.txt"
    expect_rc 0
    expect_edges out/o.graphml 2
    expect_in out/o.graphml '<data key="label">United States</data>'
    # offsets are file bytes: the second sentence starts at code unit 23
    expect_in out/o.txt "utf16le.txt @ byte 46  [active]"
}

c_utf16be_bom() {
    run_std "$FIX/utf16be.txt"
    expect_rc 0
    expect_edges out/o.graphml 2
    expect_in out/o.graphml '<data key="label">United States</data>'
    # offsets are file bytes: the second sentence starts at code unit 23
    expect_in out/o.txt "utf16be.txt @ byte 46  [active]"
}

# odd byte count and an unpaired surrogate
c_utf16_broken() {
    run_std "$FIX/utf16_broken.txt"
    expect_rc 0
    expect_edges out/o.graphml '>=1'
}

# Latin-1 is re-encoded: the evidence sentence keeps its accent as UTF-8.
c_latin1() {
    run_std "$FIX/latin1.txt"
    expect_rc 0
    expect_edges out/o.graphml 2
    expect_in out/o.graphml "$(printf 'caf\303\251')"
    expect_in out/o.txt "latin1.txt @ byte 31  [active]"
    expect_in out/o.txt "latin1.txt @ byte 78  [active]"
}

# ---- hostile names ------------------------------------------------------------

c_control_chars() {
    run_std -a "$FIX/special.csv" "$FIX/controls.txt" "$FIX/special.txt"
    expect_rc 0
    expect_edges out/o.graphml '>=7'
    expect_in out/o.graphml '<data key="label">Ctl [31m Red Unit</data>'
}

c_bidi_marks() {
    run_std -a "$FIX/special.csv" "$FIX/bidi.txt" "$FIX/special.txt"
    expect_rc 0
    expect_edges out/o.graphml '>=8'
    expect_in out/o.graphml '<data key="label">Bidi Revo League</data>'
}

# ", \, <, &, {, }, --, a newline and a trailing backslash in actor names,
# from a user dictionary and in article text.
c_special_names() {
    run_std -a "$FIX/special.csv" "$FIX/special.txt"
    expect_rc 0
    expect_edges out/o.graphml 7
    expect_in out/o.graphml '<data key="label">Al &quot;Quote&quot; Front</data>'
    expect_in out/o.graphml '<data key="label">Less&lt;Than &amp; Co</data>'
    expect_in out/o.graphml '<data key="label">Multi Line Corps</data>'
    expect_in out/o.dot 'label="Al \"Quote\" Front"'
    expect_in out/o.dot 'label="Ends With\\"'
    expect_in out/o.dot 'label="Curly {Brace} Army"'
    expect_in out/o.txt 'Less<Than & Co --condemns--> Curly {Brace} Army'
}

# File names with a newline, ESC, an invalid byte, markup characters and a
# leading dash reach GraphML, DOT, the explain text and stderr.
c_hostile_file_names() {
    mkdir in/h
    for n in "$(printf 'a\033[31mred\nline.txt')" "$(printf 'b\377<&\"{}.txt')" \
        "$(printf 'c\342\200\256txt.exe')" "-o x.txt"; do
        article 1 > "in/h/$n"
    done
    : > "in/h/$(printf 'd\033]0;title\007.txt')"
    run_std in/h
    expect_rc 1
    expect_edges out/o.graphml 2
    expect_err "empty file"
    if LC_ALL=C tr -d '\n' < "$W/err" | LC_ALL=C grep -q "$(printf '[\001-\037]')"; then
        fail "stderr carries control characters from file names"
    fi
}

# A capitalised name broken by a line break ("C'a\n al-I", found by
# fuzz_article): the label must stay on one line in every output and on stderr.
c_name_across_lines() {
    printf "C'a\n al-I" > in/a.txt
    run_std --all-actors in/a.txt
    expect_rc 0
    expect_in out/o.graphml '<data key="label">C&apos;a al-I</data>'
    expect_err "top actors by PageRank: C'a al-I (1.000)"
}

# An article that ends in "the" + demonym with no full stop (a truncated
# scrape; found by fuzz_article). Crashed in actors.c (read past the tokens).
c_ends_with_demonym() {
    printf 'The Sudanese' > in/a.txt
    printf 'Iran funds Hezbollah. Later the Iranian' > in/b.txt
    run_std in/a.txt in/b.txt
    expect_rc 0
    expect_edges out/o.graphml 1
}

# ---- size ---------------------------------------------------------------------

# Sizes of the two big cases in MB: NB_BIG_MB (100) and NB_SENTENCE_MB (10);
# the valgrind run shrinks them, as the code paths are the same.
# 100 MB on one line (mostly filler, with a relation every 100 sentences).
c_big_one_line_100mb() {
    mb=${NB_BIG_MB:-100}
    yes 'The officials said the talks went on in the capital on Tuesday while markets stayed calm. Iran funds Hezbollah.' |
        head -c $((mb * 1048576)) | tr -d '\n' > in/big.txt
    t0=$(now)
    run_std -q in/big.txt
    note "$mb MB in $(elapsed "$t0") s"
    expect_rc 0
    expect_edges out/o.graphml 1
    expect_in out/o.txt 'Iran --funds--> Hezbollah'
    rm -f in/big.txt
}

# one 10 MB "sentence": no punctuation at all
c_one_sentence_10mb() {
    mb=${NB_SENTENCE_MB:-10}
    yes 'officials said Iran funds Hezbollah near the border while talks went on in the region and markets stayed calm' |
        head -c $((mb * 1048576)) | tr '\n' ' ' > in/sentence.txt
    t0=$(now)
    run_std in/sentence.txt
    note "$mb MB in $(elapsed "$t0") s"
    expect_rc 0
    expect_err_re "sentence.txt: [0-9]+ overlong sentence\(s\) cut at [0-9]+ bytes"
    check_out out/o.graphml
    rm -f in/sentence.txt
}

# NB_MANY tiny articles (20000 by default; NB_MANY=1000000 for the full run)
# in folders of 1000.
c_many_tiny_files() {
    many=${NB_MANY:-20000}
    mkdir in/many
    t0=$(now)
    (cd in/many && awk -v n="$many" 'BEGIN {
        for (i = 0; i < n; i++) {
            if (i % 1000 == 0) { d = sprintf("d%04d", i / 1000); system("mkdir " d) }
            f = sprintf("%s/a%07d.txt", d, i)
            print "Iran funds Hezbollah. Article " i "." > f
            close(f)
        }
    }')
    t1=$(now)
    run_std -q in/many
    note "$many files: made in $(elapsed "$t0") s, netbuild $(elapsed "$t1") s"
    expect_rc 0
    expect_edges out/o.graphml 1
    expect_in out/o.txt "($many mentions in $many articles)"
    # the DOT tooltip names 20 articles, not all of them
    expect_in out/o.dot "; and $((many - 20)) more\""
    rm -rf in/many
}

# A sparse 300 MB file: the read stops at 256 MiB and the rest is reported.
c_sparse_300mb() {
    printf 'Iran funds Hezbollah. ' > in/sparse.txt
    truncate -s 300M in/sparse.txt
    run_std in/sparse.txt
    expect_rc 1
    expect_err "only the first 256 MiB were read"
    expect_err "binary file, not text"
    rm -f in/sparse.txt
}

# A folder nested beyond PATH_MAX: the too-deep part is reported, the rest read.
c_deep_nesting() {
    mkdir in/deep
    article 1 > in/deep/top.txt
    # sh's cd keeps an absolute $PWD and fails past PATH_MAX: python chdirs
    # one level at a time.
    article 2 > in/bottom.txt
    "$PY" -c 'import os, shutil
os.chdir("in/deep")
for _ in range(250):
    os.mkdir("d" * 20)
    os.chdir("d" * 20)
shutil.copy(os.environ["W"] + "/in/bottom.txt", "bottom.txt")' || { fail "cannot build the deep folder"; return; }
    run_std in/deep
    expect_rc 1
    expect_err "File name too long"
    expect_err "1 article(s) read, 1 skipped"
    "$PY" -c 'import shutil; shutil.rmtree("in/deep")'
}

# ---- file system oddities ---------------------------------------------------------

# Root reads mode-000 files (CAP_DAC_OVERRIDE), so as root the article is read.
c_unreadable_file() {
    article 1 > in/secret.txt
    article 2 > in/open.txt
    chmod 000 in/secret.txt
    as_nobody || return
    run_std in/secret.txt in/open.txt
    expect_rc 1
    expect_err "in/secret.txt: Permission denied"
    expect_edges out/o.graphml ">=1"
    chmod 644 in/secret.txt
}

c_unreadable_folder() {
    mkdir -p in/f/locked
    article 1 > in/f/open.txt
    article 2 > in/f/locked/a.txt
    chmod 000 in/f/locked
    as_nobody || return
    run_std in/f
    expect_rc 1
    expect_err "in/f/locked: Permission denied"
    expect_edges out/o.graphml ">=1"
    chmod 755 in/f/locked
}

c_dangling_symlink() {
    mkdir in/f
    article 1 > in/f/a.txt
    ln -s nowhere.txt in/f/gone.txt
    run_std in/f
    expect_rc 1
    expect_err "in/f/gone.txt: dangling symbolic link"
    expect_edges out/o.graphml 2
    # named on the command line: an input that cannot be read
    ln -s nowhere.txt in/gone.txt
    nb in/gone.txt -o out/o2.graphml
    expect_rc 3
    expect_err "in/gone.txt: No such file or directory"
}

c_symlink_loop() {
    mkdir in/f
    article 1 > in/f/a.txt
    ln -s loop2 in/f/loop1
    ln -s loop1 in/f/loop2
    ln -s ../f in/f/parent
    ln -s . in/f/self
    run_std in/f
    expect_rc 1
    n=$(count 'symbolic link loop' "$W/err")
    [ "$n" -eq 4 ] || fail "$n loops reported, want 4: $(err_head)"
    expect_edges out/o.graphml 2
}

# A FIFO with no writer would block open(): it must be skipped, not opened.
c_fifo() {
    mkdir in/f
    article 1 > in/f/a.txt
    mkfifo in/f/pipe || { skip "mkfifo failed"; return; }
    NB_TIMEOUT=60 run_std in/f
    expect_rc 1
    expect_err "in/f/pipe: not a regular file (FIFO)"
    NB_TIMEOUT=60 nb in/f/pipe -o out/o2.graphml
    expect_rc 1
    expect_err "not a regular file (FIFO)"
}

# /dev/null named directly, and links to /dev/null and /dev/zero (endless) in
# a folder.
c_device_file() {
    NB_TIMEOUT=60 nb /dev/null -o out/o.graphml
    expect_rc 1
    expect_err "/dev/null: not a regular file (device)"
    mkdir in/f
    article 1 > in/f/a.txt
    ln -s /dev/null in/f/null.txt
    ln -s /dev/zero in/f/zero.txt
    NB_TIMEOUT=60 nb in/f -o out/o2.graphml -o out/o2.dot
    expect_rc 1
    n=$(count 'not a regular file (device)' "$W/err")
    [ "$n" -eq 2 ] || fail "$n devices reported, want 2: $(err_head)"
}

c_missing_input() {
    run_std in/nothing-here.txt "$FIX/ok.txt"
    expect_rc 3
    expect_err "in/nothing-here.txt: No such file or directory"
    expect_edges out/o.graphml 2
}

# ---- malformed dictionaries: exit 4 and file:line:column ------------------------

# csv_case FIXTURE LINE COLUMN TEXT
csv_case() {
    cp "$FIX/$1" in/
    nb -a "in/$1" "$FIX/ok.txt" -o out/o.graphml -o out/o.dot
    expect_rc 4
    expect_err "netbuild: in/$1:$2:$3: $4"
    expect_absent out/o.graphml out/o.dot
}

c_csv_unterminated_quote() { csv_case bad_unterminated.csv 3 1 "unterminated quoted field"; }
c_csv_too_few_columns() { csv_case bad_few_columns.csv 3 1 "too few columns"; }
c_csv_too_many_columns() { csv_case bad_many_columns.csv 2 1 "too many columns"; }
c_csv_duplicate_alias() { csv_case bad_duplicate_alias.csv 3 3 'alias "Same Alias" already names another actor'; }
c_csv_empty_name() { csv_case bad_empty_name.csv 3 1 "empty actor name"; }
c_csv_blank_name() { csv_case bad_blank_name.csv 3 1 "empty actor name"; }
c_csv_bad_kind() { csv_case bad_kind.csv 2 2 "kind must be"; }
c_csv_bad_quote() { csv_case bad_quote.csv 2 3 ""; }
c_csv_bad_header() { csv_case bad_header.csv 1 1 "header must be"; }
c_csv_empty_file() { csv_case empty.csv 1 1 "empty dictionary"; }

c_csv_binary() {
    cp /bin/true in/true.csv
    nb -a in/true.csv "$FIX/ok.txt" -o out/o.graphml
    expect_rc 4
    expect_err_re "^netbuild: in/true.csv:[0-9]+:[0-9]+: "
    expect_absent out/o.graphml
}

c_csv_missing() {
    nb -a in/nothing.csv "$FIX/ok.txt" -o out/o.graphml
    expect_rc 3
    expect_err "in/nothing.csv: No such file or directory"
    expect_absent out/o.graphml
}

c_csv_crlf_bom_valid() {
    printf 'FF funds Hezbollah. The Fooish militia attacked Iran.\n' > in/a.txt
    run_std -a "$FIX/crlf_bom.csv" in/a.txt
    expect_rc 0
    expect_in out/o.graphml '<data key="label">Foo Front</data>'
}

# ---- outputs ----------------------------------------------------------------------

c_out_missing_folder() {
    nb "$FIX/ok.txt" -o out/nowhere/o.graphml
    expect_rc 3
    expect_err "out/nowhere/o.graphml: cannot write: No such file or directory"
    expect_absent out/nowhere
}

c_out_dev_full() {
    nb "$FIX/ok.txt" -o /dev/full
    expect_rc 3
    expect_err "/dev/full: write failed: No space left on device"
    nb "$FIX/ok.txt" -f dot -o /dev/full -o out/o.graphml
    expect_rc 3
    expect_err "/dev/full: write failed: No space left on device"
    # --explain prints to stdout: a full stdout is a write error too
    NETBUILD_DATA="$ROOT/data" timeout 60 "$NB" "$FIX/ok.txt" --explain > /dev/full 2> "$W/err"
    RC=$?
    expect_rc 3
    expect_err "write failed: No space left on device"
}

c_out_over_input() {
    cp "$FIX/ok.txt" in/a.txt
    nb in/a.txt -o in/a.txt
    expect_rc 2
    expect_err "in/a.txt: output would overwrite an input article"
    expect_same "$FIX/ok.txt" in/a.txt
    # through a folder and a second spelling
    nb in -o out/o.graphml -o "$W/in/./a.txt"
    expect_rc 2
    expect_same "$FIX/ok.txt" in/a.txt
}

c_out_over_dictionary() {
    cp "$FIX/special.csv" in/user.csv
    nb -a in/user.csv "$FIX/special.txt" -o in/user.csv
    expect_rc 2
    expect_err "in/user.csv: output would overwrite"
    expect_same "$FIX/special.csv" in/user.csv
}

c_out_named_twice() {
    nb "$FIX/ok.txt" -o out/o.graphml -o out/o.graphml
    expect_rc 2
    expect_err "named twice as output"
    # two spellings of a file that does not exist yet
    nb "$FIX/ok.txt" -o out/o.graphml -o out/./o.graphml
    expect_rc 2
    expect_err "named twice as output"
    # a link to an existing output
    : > out/real.graphml
    ln -s real.graphml out/link.graphml
    nb "$FIX/ok.txt" -o out/real.graphml -f graphml -o out/link.graphml
    expect_rc 2
    expect_err "named twice as output"
    nb "$FIX/ok.txt" -o - -o -
    expect_rc 2
    expect_absent out/o.graphml
    rm -f out/real.graphml out/link.graphml
}

# As root, permission bits do not stop writes: a read-only tmpfs does; without
# mount, a path under a regular file ("file/out.graphml", ENOTDIR) is used.
c_out_unwritable_folder() {
    mkdir -p out/ro
    if ! is_root; then
        chmod 555 out/ro
        nb "$FIX/ok.txt" -o out/ro/o.graphml
        chmod 755 out/ro
        expect_rc 3
        expect_err "out/ro/o.graphml: cannot write: Permission denied"
    elif try_tmpfs "$W/ro" 64k ro; then
        nb "$FIX/ok.txt" -o "$W/ro/o.graphml"
        expect_rc 3
        expect_err "ro/o.graphml: cannot write: Read-only file system"
    else
        note "no mount: file-as-folder fallback"
    fi
    : > in/file
    nb "$FIX/ok.txt" -o in/file/o.graphml
    expect_rc 3
    expect_err "in/file/o.graphml: cannot write: Not a directory"
}

c_out_is_directory() {
    mkdir out/dir.graphml
    nb "$FIX/ok.txt" -o out/dir.graphml
    expect_rc 3
    expect_err "out/dir.graphml: cannot write"
    rmdir out/dir.graphml 2>/dev/null || fail "out/dir.graphml was replaced"
}

# A full disk: a first run fits in a 64 KiB tmpfs, a second, bigger one does
# not. The old outputs must stay byte-identical and no temporary file remain.
c_out_atomic_enospc() {
    if ! try_tmpfs "$W/small" 64k; then
        skip "cannot mount a tmpfs (needs root)"
        return
    fi
    D=$W/small
    nb "$FIX/ok.txt" -o "$D/o.graphml" -o "$D/o.dot"
    expect_rc 0
    cp "$D/o.graphml" "$D/o.dot" in/
    i=0
    while [ $i -lt 40 ]; do cp "$ROOT"/seeds/*.txt in/ 2>/dev/null; i=$((i + 1)); done
    mkdir in/more
    for s in "$ROOT"/seeds/*.txt; do
        for k in 1 2 3 4 5 6; do sed "s/Iran/Iran$k/g; s/Hezbollah/Hezbollah$k/g" "$s" > "in/more/$k-${s##*/}"; done
    done
    nb --all-actors "$ROOT/seeds" in/more -o "$D/o.graphml" -o "$D/o.dot"
    expect_rc 3
    expect_err "$D/o.graphml: write failed: No space left on device"
    expect_same in/o.graphml "$D/o.graphml"
    # Each output is replaced on its own: the smaller DOT file may have fitted.
    cmp -s in/o.dot "$D/o.dot" || note "o.dot fitted and was replaced"
    no_temp "$D"
    check_out "$D/o.graphml" "$D/o.dot"
}

# The temporary file cannot be created: the old output stays as it was.
c_out_atomic_readonly() {
    if is_root && try_tmpfs "$W/rw" 256k; then
        D=$W/rw
        nb "$FIX/ok.txt" -o "$D/o.graphml"
        expect_rc 0
        cp "$D/o.graphml" in/
        mount -o remount,ro "$D" || { fail "remount ro failed"; return; }
        nb "$ROOT/seeds" -o "$D/o.graphml"
        expect_rc 3
        expect_err "cannot write: Read-only file system"
    elif ! is_root; then
        D=$W/out/rw
        mkdir "$D"
        nb "$FIX/ok.txt" -o "$D/o.graphml"
        expect_rc 0
        cp "$D/o.graphml" in/
        chmod 555 "$D"
        nb "$ROOT/seeds" -o "$D/o.graphml"
        chmod 755 "$D"
        expect_rc 3
        expect_err "cannot write: Permission denied"
    else
        skip "root without mount: a folder cannot be made read-only"
        return
    fi
    expect_same in/o.graphml "$D/o.graphml"
    no_temp "$D"
}

# A file-size limit (ulimit -f) raises SIGXFSZ, which would kill netbuild
# mid-write: it must be a write error (exit 3) with the old file kept.
c_out_file_size_limit() {
    nb "$FIX/ok.txt" -o out/o.graphml
    expect_rc 0
    cp out/o.graphml in/old.graphml
    (ulimit -f 8 && NETBUILD_DATA="$ROOT/data" timeout 60 "$NB" -q "$ROOT/seeds" -o out/o.graphml) 2> "$W/err"
    RC=$?
    expect_rc 3
    expect_err "out/o.graphml: write failed: File too large"
    expect_same in/old.graphml out/o.graphml
}

c_usage_errors() {
    nb
    expect_rc 2
    expect_err "no input given"
    nb "$FIX/ok.txt"
    expect_rc 2
    expect_err "no output given"
    nb "$FIX/ok.txt" -o
    expect_rc 2
    expect_err "-o needs a value"
    nb --bogus "$FIX/ok.txt" -o out/o.graphml
    expect_rc 2
    expect_err "unknown option '--bogus'"
    nb --seed 12x "$FIX/ok.txt" -o out/o.graphml
    expect_rc 2
    nb -f svg -o out/o.svg "$FIX/ok.txt"
    expect_rc 2
    expect_err "unknown format 'svg'"
    expect_absent out/o.graphml out/o.svg
}
