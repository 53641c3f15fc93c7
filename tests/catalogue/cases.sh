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
formats_hostile_names
formats_empty_graph
formats_outputs
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
fail_keeps_old_outputs
fail_keeps_old_nobody
out_checked_first
out_dev_stdout
out_symlink
out_fifo
out_keeps_mode
out_read_only
out_read_only_nobody
out_sticky_nobody
out_long_name
own_outputs_skipped
duplicates_once
provenance_paths
swap_to_fifo
nul_padded
format_errors
gnu_options
csv_spreadsheet_valid
csv_latin1
csv_directory
csv_stop_word
csv_kind_change
out_hostile_names
"

HEAVY="big_one_line_100mb one_sentence_10mb many_tiny_files sparse_300mb swap_to_fifo nul_padded"

# Most cases: run INPUT... into out/o.graphml and out/o.dot (and the explain
# text out/o.txt); the runner validates all three.
run_std() { nb "$@" -o out/o.graphml -o out/o.dot -o out/o.txt; }

# ---- empty and non-text inputs --------------------------------------------

c_empty_file() {
    : > in/empty.txt
    run_std in/empty.txt
    expect_rc 1
    expect_err "in/empty.txt: empty file"
    expect_err "no article could be read: nothing written"
    expect_absent out/o.graphml out/o.dot out/o.txt
}

c_empty_folder() {
    mkdir in/none
    run_std in/none
    expect_rc 1
    expect_err "0 article(s) read"
    expect_err "no article could be read: nothing written, old outputs kept"
    expect_absent out/o.graphml out/o.dot out/o.txt
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
    expect_err "no article could be read: nothing written"
    expect_absent out/o.graphml out/o.dot out/o.txt
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

# The GEXF, CSV, JSON and HTML outputs with hostile actor names (quotes,
# markup, a newline, control bytes, bidi marks) and hostile file names in
# the provenance; every file is then validated by check_out (schema,
# networkx, csv, the report's script tags).
c_formats_hostile_names() {
    mkdir in/h
    cp "$FIX/special.txt" "in/h/$(printf 'x\033[31m<&\"\377;@%%.txt')"
    cp "$FIX/controls.txt" "$FIX/bidi.txt" in/h/
    # a file name that a spreadsheet would read as a formula: it leads the
    # articles and evidence cells of the edges the file states (a plain
    # sentence states one whatever the parser makes of the formulas)
    printf '=HYPERLINK("http://x") funds Hezbollah. Hezbollah funds =HYPERLINK("http://x"). Iran funds Hezbollah.\n' > in/h/=formula.txt
    printf 'name,kind,aliases,demonyms\n"=HYPERLINK(""http://x"")",group,,\n' > in/formula.csv
    nb -a "$FIX/special.csv" -a in/formula.csv in/h -o out/o.gexf -o out/o.csv -o out/o.json -o out/o.html
    expect_rc 0
    expect_in out/o.gexf 'label="Al &quot;Quote&quot; Front"'
    expect_in out/o.gexf 'label="Less&lt;Than &amp; Co"'
    expect_in out/o.json '"label": "Less\u003cThan \u0026 Co"'
    expect_in out/o.nodes.csv '"Al ""Quote"" Front"'
    expect_not_in out/o.json '</'
    # a cell a spreadsheet would run as a formula is text: no cell starts
    # with '=', the formula file name is guarded, and so is the dictionary's
    # formula actor when it is found (the tree reads a plain "HYPERLINK")
    for f in out/o.nodes.csv out/o.edges.csv; do
        ! grep -Eq '(^|,)"=' "$f" || fail "$f: a cell starts with '='"
    done
    expect_in out/o.edges.csv "\"'=formula.txt"
    if grep -q 'HYPERLINK(' out/o.nodes.csv; then
        expect_in out/o.nodes.csv "\"'=HYPERLINK("
        expect_not_in out/o.nodes.csv '"=HYPERLINK('
    fi
}

# A run that reads an article but finds no relation: every format is an
# empty graph that still opens (the GEXF validates, the JSON has no nodes).
c_formats_empty_graph() {
    printf 'Nothing happened here today, and the weather was fine.\n' > in/calm.txt
    nb in/calm.txt -o out/o.gexf -o out/o.csv -o out/o.json -o out/o.html -o out/o.graphml
    expect_rc 0
    expect_in out/o.gexf '<nodes count="0">'
    expect_in out/o.json '"nodes": ['
    [ "$(wc -l < out/o.nodes.csv)" -eq 1 ] || fail "o.nodes.csv: more than the header"
    [ "$(wc -l < out/o.edges.csv)" -eq 1 ] || fail "o.edges.csv: more than the header"
}

# Output rules for the new formats: CSV is two files, so never a stream;
# its halves are outputs like any other (named twice, over a dictionary);
# --format names them; old outputs of every format in the input are not
# read back as articles.
c_formats_outputs() {
    nb "$FIX/ok.txt" -f csv -o -
    expect_rc 2
    expect_err "CSV is two files"
    nb "$FIX/ok.txt" -o out/n.csv -o out/n.nodes.csv
    expect_rc 2
    expect_err "named twice as output"
    expect_absent out/n.nodes.csv out/n.edges.csv
    cp "$FIX/special.csv" in/d.nodes.csv
    nb -a in/d.nodes.csv "$FIX/ok.txt" -o in/d.csv
    expect_rc 2
    expect_err "output would overwrite an actor dictionary"
    expect_same "$FIX/special.csv" in/d.nodes.csv
    nb "$FIX/ok.txt" --format=GEXF -o out/g.xml -f json -o out/j -f html -o out/h -f csv -o out/c
    expect_rc 0
    expect_in out/g.xml 'xmlns="http://gexf.net/1.3"'
    expect_in out/j '"multigraph": true'
    expect_in out/h '<!DOCTYPE html>'
    expect_in out/c.edges.csv '"Source","Target","Type","Kind","Weight"'
    rm -f out/g.xml out/j out/h
    nb "$FIX/ok.txt" -f gexf -o out/x.json
    expect_rc 2
    expect_err "--format gexf contradicts the extension, which means json"
    nb "$FIX/ok.txt" --since 2024-02-30 -o out/o.gexf
    expect_rc 2
    expect_err "--since wants a date as YYYY-MM-DD"
    # old outputs in the input folder are not articles
    mkdir in/old
    article 1 > in/old/a.txt
    nb in/old -o in/old/o.gexf -o in/old/o.csv -o in/old/o.json -o in/old/o.html
    expect_rc 0
    nb in/old -o out/o.graphml
    expect_rc 0
    expect_edges out/o.graphml 2
    expect_err "o.gexf: netbuild output"
    expect_err "o.nodes.csv: netbuild output"
    expect_err "o.edges.csv: netbuild output"
    expect_err "o.json: JSON or HTML file"
    expect_err "o.html: JSON or HTML file"
    expect_in out/o.graphml '<data key="articles">a.txt</data>'
    rm -rf in/old
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

# A sparse 300 MB file: text, then NULs. The text before the first long run
# of NULs is read (its relation kept), the padding reported, not read.
c_sparse_300mb() {
    printf 'Iran funds Hezbollah. ' > in/sparse.txt
    truncate -s 300M in/sparse.txt
    t0=$(now)
    run_std in/sparse.txt
    note "$(elapsed "$t0") s"
    expect_rc 0
    expect_err "in/sparse.txt: NUL padding from byte 22 on: only the 22 byte(s) of text before it were read"
    expect_no_err "binary file"
    expect_edges out/o.graphml 1
    expect_in out/o.txt 'Iran --funds--> Hezbollah'
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

# ---- issue 11: never lose a user's file, never count an article twice -----------

# old_outputs: a good run writes out/o.graphml, o.dot and o.txt; copies go to
# $W/old for same_as_old.
old_outputs() {
    mkdir -p "$W/old"
    nb "$FIX/ok.txt" -o out/o.graphml -o out/o.dot -o out/o.txt
    [ "$RC" -eq 0 ] || fail "the good run failed: $(err_head)"
    cp -p out/o.graphml out/o.dot out/o.txt "$W/old/"
}
same_as_old() { for f in o.graphml o.dot o.txt; do expect_same "$W/old/$f" "out/$f"; done; }

# A run that reads no article writes nothing: a typo, an empty folder, a
# folder of binaries, stdin ("-" and a pipe) and a FIFO all keep the old
# outputs byte for byte.
fail_keeps_old() {
    old_outputs
    run_std in/typo-folder
    expect_rc 3
    expect_err "in/typo-folder: No such file or directory"
    expect_err "no article could be read: nothing written, old outputs kept"
    same_as_old
    mkdir -p in/empty in/bin
    cp /bin/true "$FIX/header.png" in/bin/
    for d in in/empty in/bin; do
        run_std "$d"
        expect_rc 1
        expect_err "no article could be read: nothing written, old outputs kept"
        same_as_old
    done
    run_std -
    expect_rc 1
    expect_err "-: standard input is not read"
    same_as_old
    article 1 | nb /dev/stdin -o out/o.graphml -o out/o.dot -o out/o.txt
    expect_rc 1
    expect_err "not a regular file"
    same_as_old
    mkfifo in/pipe || { fail "mkfifo failed"; return; }
    NB_TIMEOUT=60 run_std in/pipe
    expect_rc 1
    expect_err "in/pipe: not a regular file (FIFO)"
    same_as_old
    n=$(grep -c 'no article could be read' "$W/err")
    [ "$n" -eq 1 ] || fail "the final message is printed $n times"
}
c_fail_keeps_old_outputs() { fail_keeps_old; }
c_fail_keeps_old_nobody() { as_nobody || return; fail_keeps_old; }

# Every output is checked before the corpus is read: a bad -o fails at once
# (no article report, no summary) and the good outputs are not written.
c_out_checked_first() {
    cp /bin/true in/true
    article 1 > in/a.txt
    old_outputs
    mkdir out/dir.graphml
    : > in/file
    # /proc takes no new file even for root, whom access() lets through
    for bad in out/nowhere/x.graphml out/dir.graphml in/file/x.dot /proc/x.graphml; do
        nb in -o out/o.graphml -o "$bad" -o out/new.dot
        expect_rc 3
        expect_err_re "^netbuild: $bad: cannot write: "
        expect_no_err "binary file"
        expect_no_err "article(s) read"
        expect_absent out/new.dot
        same_as_old
    done
    rmdir out/dir.graphml
}

# -o /dev/stdout (and /dev/fd/1, /proc/self/fd/1) with stdout redirected to a
# file: the file gets the output, /dev/stdout stays a symbolic link.
c_out_dev_stdout() {
    for o in /dev/stdout /dev/fd/1 /proc/self/fd/1; do
        [ -e "$o" ] || continue
        nb "$FIX/ok.txt" -o "$o"
        expect_rc 0
        [ -L /dev/stdout ] || fail "/dev/stdout is no longer a symbolic link"
        cp "$W/stdout" "out/${o##*/}.graphml"
        expect_edges "out/${o##*/}.graphml" 2
    done
    nb "$FIX/ok.txt" -f dot -o /dev/stdout
    expect_rc 0
    cp "$W/stdout" out/stdout.dot
    expect_in out/stdout.dot 'digraph netbuild {'
    # the same as nobody, through a descriptor it cannot reopen by name
    if as_nobody; then
        nb "$FIX/ok.txt" -o /dev/stdout
        expect_rc 0
        cp "$W/stdout" out/nobody.graphml
        expect_edges out/nobody.graphml 2
    fi
}

# A symbolic link to an output stays a link; its target (in another folder,
# through a chain, or not yet existing) gets the new content.
c_out_symlink() {
    mkdir -p out/real
    nb "$ROOT/seeds" -o out/real/t.graphml
    cp out/real/t.graphml in/seeds.graphml
    nb "$FIX/ok.txt" -o out/real/t.graphml
    cp out/real/t.graphml in/ok.graphml
    cp in/seeds.graphml out/real/t.graphml
    ln -s real/t.graphml out/link.graphml
    ln -s link.graphml out/chain.graphml
    nb "$FIX/ok.txt" -o out/chain.graphml
    expect_rc 0
    [ -L out/link.graphml ] && [ -L out/chain.graphml ] || fail "a link was replaced by a file"
    expect_same in/ok.graphml out/real/t.graphml
    ln -s real/new.dot out/dangling.dot
    nb "$FIX/ok.txt" -o out/dangling.dot
    expect_rc 0
    [ -L out/dangling.dot ] || fail "the dangling link was replaced"
    [ -f out/real/new.dot ] || fail "the dangling link's target was not created"
    no_temp out
}

# A FIFO output is written directly, never replaced.
c_out_fifo() {
    mkfifo out/pipe || { skip "mkfifo failed"; return; }
    cat out/pipe > out/from_pipe.graphml &
    NB_TIMEOUT=60 nb "$FIX/ok.txt" -f graphml -o out/pipe
    wait
    expect_rc 0
    [ -p out/pipe ] || fail "out/pipe is no longer a FIFO"
    expect_edges out/from_pipe.graphml 2
    rm -f out/pipe
}

# A replaced output keeps its mode (and, under root, its owner).
c_out_keeps_mode() {
    old_outputs
    chmod 640 out/o.graphml
    chmod 600 out/o.dot
    is_root && chown 65534:65534 out/o.txt
    nb "$ROOT/seeds" -o out/o.graphml -o out/o.dot -o out/o.txt
    expect_rc 0
    [ "$(stat -c %a out/o.graphml)" = 640 ] || fail "o.graphml is now $(stat -c %a out/o.graphml), want 640"
    [ "$(stat -c %a out/o.dot)" = 600 ] || fail "o.dot is now $(stat -c %a out/o.dot), want 600"
    if is_root; then
        [ "$(stat -c %u:%g out/o.txt)" = 65534:65534 ] || fail "o.txt owner is now $(stat -c %u:%g out/o.txt)"
    fi
    # (the whole network: as many edges as the committed seeds graph)
    expect_edges out/o.graphml "$(edges_of "$ROOT/graphs/net.graphml")"
    chmod 644 out/o.graphml out/o.dot
}

# A read-only output is refused before anything is read, even as root; the
# other outputs are not written either.
read_only() {
    old_outputs
    chmod 444 out/o.graphml
    nb "$ROOT/seeds" -o out/o.dot -o out/o.graphml -o out/o.txt
    expect_rc 3
    expect_err "out/o.graphml: read-only file (mode 0444), not replaced"
    same_as_old
    [ "$(stat -c %a out/o.graphml)" = 444 ] || fail "the mode changed"
    chmod 644 out/o.graphml
}
c_out_read_only() { read_only; }
c_out_read_only_nobody() { as_nobody || return; read_only; }

# Another user's file in a sticky folder (/tmp) cannot be replaced: said
# before the run, not after it. Needs root to make the other user's file.
c_out_sticky_nobody() {
    is_root || { skip "needs root to create another user's file"; return; }
    mkdir out/sticky
    nb "$FIX/ok.txt" -o out/sticky/o.graphml
    cp out/sticky/o.graphml in/old.graphml
    chmod 1777 out/sticky
    as_nobody || return
    nb "$ROOT/seeds" -o out/sticky/o.graphml -o out/new.dot
    expect_rc 3
    expect_err "out/sticky/o.graphml: cannot write: Operation not permitted"
    expect_no_err "article(s) read"
    expect_same in/old.graphml out/sticky/o.graphml
    expect_absent out/new.dot
}

# A 254-byte output name (255 with NAME_MAX) fits: the temporary name is short.
c_out_long_name() {
    n254=$(printf '%0246d' 0 | tr 0 n).graphml
    n255=$(printf '%0251d' 0 | tr 0 d).dot
    nb "$FIX/ok.txt" -o "out/$n254" -o "out/$n255"
    expect_rc 0
    [ -f "out/$n254" ] && [ -f "out/$n255" ] || fail "the long-named outputs were not written"
    n256=$(printf '%0248d' 0 | tr 0 x).graphml
    nb "$FIX/ok.txt" -o "out/$n256"
    expect_rc 3
    expect_err "cannot write: File name too long"
}

# Outputs written into the input folder, a temporary file a kill -9 left,
# and an explain text under another name are not read back as articles.
c_own_outputs_skipped() {
    mkdir in/news
    cp "$ROOT"/seeds/*.txt in/news/
    nb in/news -o out/ref.graphml -o out/ref.dot
    expect_rc 0
    nb in/news -o in/news/net.graphml -o in/news/net.dot -o in/news/explain.txt
    expect_rc 0
    cp in/news/explain.txt in/news/notes.txt
    cp in/news/net.graphml in/news/net.graphml.tmpAb12Cd
    cp in/news/net.dot "in/news/NET.DOT"
    cp in/news/explain.txt in/news/.nb.tmpZZ11yy.txt
    nb in/news -o out/o.graphml -o out/o.dot
    expect_rc 0
    expect_same out/ref.graphml out/o.graphml
    expect_same out/ref.dot out/o.dot
    expect_err "6 netbuild output(s) ignored"
    expect_err "in/news/notes.txt: netbuild output (by its first line), not an article: ignored"
    expect_err "in/news/net.graphml.tmpAb12Cd: netbuild temporary file"
    rm -f in/news/*.graphml* in/news/*.dot in/news/*.DOT in/news/.nb.tmp*
}

# The same file by several paths, and byte-identical copies, count once;
# every copy's path stays in the GraphML articles list.
c_duplicates_once() {
    mkdir -p in/a in/b
    article 1 > in/a/x.txt
    cp in/a/x.txt in/b/wire-copy.txt
    ln in/a/x.txt in/a/hard.txt
    ln -s x.txt in/a/soft.txt
    nb in/a in/b in/a/x.txt in/a/x.txt -o out/o.graphml -o out/o.txt
    expect_rc 0
    expect_edges out/o.graphml 2
    expect_not_in out/o.graphml '<data key="weight">2'
    expect_in out/o.graphml '<data key="weight">1.000000</data>'
    expect_in out/o.txt '(1 mention in 1 article)'
    expect_in out/o.graphml '<data key="articles">in/a/hard.txt;in/b/wire-copy.txt</data>'
    expect_err "5 duplicate(s) counted once"
    expect_err "in/b/wire-copy.txt: same text as in/a/hard.txt: counted once"
    expect_err "in/a/x.txt: same file as in/a/hard.txt: read once"
    # a different text under the same name is another article
    article 2 > in/b/x.txt
    nb in/a/x.txt in/b/x.txt -o out/o2.graphml
    expect_rc 0
    expect_in out/o2.graphml '<data key="weight">2.000000</data>'
}

# Provenance: paths under their input argument, behind it when there are
# several; ; @ [ ] | % in names are percent-encoded.
c_provenance_paths() {
    mkdir -p in/reuters in/afp
    article 1 > in/reuters/2024-01-01.txt
    article 2 > in/afp/2024-01-01.txt
    nb in/reuters in/afp -o out/o.graphml
    expect_rc 0
    expect_in out/o.graphml 'in/reuters/2024-01-01.txt;in/afp/2024-01-01.txt'
    mkdir in/odd
    article 3 > "in/odd/a;b@c]: d[e|f%g.txt"
    nb in/odd -o out/odd.graphml -o out/odd.txt
    expect_rc 0
    expect_in out/odd.graphml '<data key="articles">a%3Bb%40c%5D: d%5Be%7Cf%25g.txt</data>'
    expect_in out/odd.graphml 'a%3Bb%40c%5D: d%5Be%7Cf%25g.txt@0 ['
    # each evidence item splits into path@offset [rule]: sentence
    "$PY" - out/odd.graphml << 'PYEOF' || fail "evidence does not parse"
import re, sys, networkx
g = networkx.read_graphml(sys.argv[1])
for _, _, d in g.edges(data=True):
    arts = d["articles"].split(";")
    assert all("@" not in a and "|" not in a for a in arts), arts
    for ev in d["evidence"].split(" || "):
        m = re.match(r"^([^@;|\[\]]+)@(\d+) \[([^\]]*)\]: (.*)$", ev)
        assert m and m.group(1) in arts, ev
PYEOF
}

# A file swapped for a FIFO between the scan and the read is refused when
# opened, never waited on: a folder of 3000 articles whose last one flips
# between a file and a FIFO, run a few times.
c_swap_to_fifo() {
    mkdir in/f
    (cd in/f && awk 'BEGIN { for (i = 0; i < 3000; i++) { f = sprintf("a%04d.txt", i); print "Iran funds Hezbollah. Article " i "." > f; close(f) } }')
    (
        i=0
        while [ $i -lt 400 ] && [ ! -f "$W/stop" ]; do
            rm -f in/f/zz.txt; article 1 > in/f/zz.txt; sleep 0.05
            rm -f in/f/zz.txt; mkfifo in/f/zz.txt; sleep 0.05
            i=$((i + 1))
        done
    ) &
    k=0
    fifos=0
    while [ $k -lt 6 ]; do
        # a hang is what this catches: 60 s is 20 times a plain run, and
        # valgrind makes the 3000 articles' parsing alone take longer
        NB_TIMEOUT=$([ "${NB_VALGRIND:-0}" = 1 ] && echo 900 || echo 60) nb -q in/f -o out/o.graphml
        expect_rc 0 1
        # Whether zz.txt was a FIFO, a file or absent at the open is a race:
        # refused as a FIFO, only the 3000 files count (1 edge); read as a
        # file (possibly empty), its second relation may add one more.
        if grep -q 'zz.txt: not a regular file (FIFO)' "$W/err"; then
            fifos=$((fifos + 1))
            expect_edges out/o.graphml 1
        else
            expect_edges out/o.graphml '>=1'
            [ "$(edges_of out/o.graphml)" -le 2 ] || fail "out/o.graphml: more than 2 edges"
        fi
        k=$((k + 1))
    done
    touch "$W/stop"
    wait
    note "FIFO met in $fifos of 6 runs"
    rm -rf in/f
}

# Text followed by 256 MiB of NULs: read up to the padding, reported, fast;
# text after a long run of NULs is not read.
c_nul_padded() {
    printf 'Iran funds Hezbollah.\n' > in/pad.txt
    truncate -s 256M in/pad.txt
    head -c 8192 /dev/zero > in/zeros
    { printf 'Russia funds Wagner.\n'; cat in/zeros; printf 'The United States condemned Iran.\n'; } > in/mid.txt
    printf 'The United States condemned Russia.\n' > in/ok.txt
    t0=$(now)
    run_std in/pad.txt in/mid.txt in/ok.txt
    note "$(elapsed "$t0") s"
    expect_rc 0
    expect_err "in/pad.txt: NUL padding from byte 22 on"
    expect_err "in/mid.txt: NUL padding from byte 21 on"
    expect_edges out/o.graphml 3
    expect_in out/o.txt 'Iran --funds--> Hezbollah'
    expect_in out/o.txt 'Russia --funds--> Wagner Group'
    expect_not_in out/o.txt 'United States --condemns--> Iran'
    rm -f in/pad.txt in/zeros
}

# Output formats: unknown extensions are errors that list the formats; a
# --format that contradicts the extension, a trailing --format, and
# --explain with stdout as an output are refused; case does not matter.
c_format_errors() {
    old_outputs
    for o in o.svg o.xml noext; do
        nb "$FIX/ok.txt" -o "out/$o" -o out/o.graphml
        expect_rc 2
        expect_err "out/$o: unknown output format (extensions: .graphml, .gexf, .csv, .json, .html, .dot or .gv, .txt"
        expect_absent "out/$o"
    done
    nb "$FIX/ok.txt" -f dot -o out/x.graphml
    expect_rc 2
    expect_err "--format dot contradicts the extension"
    nb "$FIX/ok.txt" -o out/o.graphml -f dot
    expect_rc 2
    expect_err "--format dot applies to no output"
    nb "$FIX/ok.txt" --explain -o -
    expect_rc 2
    expect_err "where --explain prints"
    nb "$FIX/ok.txt" --explain -f dot -o /dev/stdout
    expect_rc 2
    expect_err "where --explain prints"
    nb "$FIX/ok.txt" -o - -o /dev/stdout
    expect_rc 2
    expect_err "named twice as output"
    same_as_old
    expect_absent out/x.graphml
    # case-insensitive extensions; --format with a name it does not contradict
    nb "$FIX/ok.txt" -o out/NET.DOT -o out/Net.GraphML -o out/E.TXT -f graphml -o out/g.xml
    expect_rc 0
    dot -Tsvg -o /dev/null out/NET.DOT 2>/dev/null || fail "NET.DOT is not DOT"
    expect_in out/Net.GraphML '<graphml'
    expect_in out/E.TXT 'Iran --funds--> Hezbollah'
    expect_in out/g.xml '<graphml'
    rm -f out/NET.DOT out/Net.GraphML out/E.TXT out/g.xml
}

# GNU option styles, -- and the seed's range.
c_gnu_options() {
    nb "$FIX/ok.txt" --seed 7 -o out/ref.graphml -f dot -o out/ref.dot
    expect_rc 0
    nb --seed=7 "--output=out/a.graphml" -oout/a.dot "$FIX/ok.txt"
    expect_rc 0
    expect_same out/ref.graphml out/a.graphml
    expect_same out/ref.dot out/a.dot
    nb --seed=7 --format=dot --output=out/b.dot -fgraphml -oout/b.graphml --actors="$ROOT/data/actors.csv" "$FIX/ok.txt"
    expect_rc 0
    expect_same out/ref.dot out/b.dot
    expect_same out/ref.graphml out/b.graphml
    # after --, names that look like options are inputs
    cp "$FIX/ok.txt" in/-o
    cp "$FIX/ok.txt" in/--weird.txt
    (cd in && nb -o ../out/c.graphml -- -o --weird.txt)
    expect_rc 0
    expect_edges out/c.graphml 2
    expect_err "same text as -o: counted once"
    for s in -1 --seed=-5 +3 1e3 ''; do
        case $s in --seed=*) nb "$s" "$FIX/ok.txt" -o out/x.graphml ;; *) nb --seed "$s" "$FIX/ok.txt" -o out/x.graphml ;; esac
        expect_rc 2
        expect_err "--seed wants a non-negative integer"
    done
    nb --quiet=yes "$FIX/ok.txt" -o out/x.graphml
    expect_rc 2
    expect_err "--quiet takes no value"
    expect_absent out/x.graphml
}

# Dictionaries saved by spreadsheets: UTF-8 with a BOM and CRLF, ';'-separated,
# UTF-16LE and UTF-16BE with a BOM.
c_csv_spreadsheet_valid() {
    printf 'DLB funds Hezbollah. Ahmed Farouk commands the Desert Lions Brigade.\n' > in/a.txt
    printf '\357\273\277name;kind;aliases;demonyms\r\nDesert Lions Brigade;organization;DLB|Lions Brigade;\r\nAhmed Farouk;person;Farouk;\r\n' > in/semi.csv
    csv='name,kind,aliases\r\nDesert Lions Brigade,organization,DLB\r\nAhmed Farouk,person,Farouk\r\n'
    { printf '\377\376'; printf "$csv" | iconv -f UTF-8 -t UTF-16LE; } > in/u16le.csv
    { printf '\376\377'; printf "$csv" | iconv -f UTF-8 -t UTF-16BE; } > in/u16be.csv
    for d in semi u16le u16be; do
        nb -a "in/$d.csv" in/a.txt -o "out/$d.graphml"
        expect_rc 0
        expect_in "out/$d.graphml" '<data key="label">Desert Lions Brigade</data>'
        expect_edges "out/$d.graphml" 2
    done
    # UTF-16 without a BOM cannot be told from binary: a clear message
    printf "$csv" | iconv -f UTF-8 -t UTF-16LE > in/nobom.csv
    nb -a in/nobom.csv in/a.txt -o out/x.graphml
    expect_rc 4
    expect_err "in/nobom.csv:1:1: UTF-16 without a byte order mark"
    expect_absent out/x.graphml
}

# Latin-1 in a dictionary: loaded with U+FFFD, and a warning names the line.
c_csv_latin1() {
    printf 'name,kind,aliases\nDesert Lions,group,DL\nCaf\351 Brigade,group,CB\n' > in/lat.csv
    printf 'DL funds Hezbollah.\n' > in/a.txt
    nb -a in/lat.csv in/a.txt -o out/o.graphml
    expect_rc 0
    expect_err "in/lat.csv:3: invalid UTF-8 (Latin-1?) replaced with U+FFFD"
    expect_edges out/o.graphml 1
}

c_csv_directory() {
    mkdir in/dict
    nb -a in/dict "$FIX/ok.txt" -o out/o.graphml
    expect_rc 3
    expect_err "in/dict: is a folder: -a wants a CSV file"
    expect_absent out/o.graphml
    mkfifo in/fifo.csv || return
    NB_TIMEOUT=60 nb -a in/fifo.csv "$FIX/ok.txt" -o out/o.graphml
    expect_rc 3
    expect_err "in/fifo.csv: not a regular file"
}

c_csv_stop_word() {
    printf 'name,kind,aliases\nDesert Lions,group,DL|The\n' > in/the.csv
    printf 'name,kind,aliases,demonyms\nFoo Front,group,FF\nBar Army,group,BA|said,\n' > in/said.csv
    printf 'name,kind,aliases\nWorld Health Organization,organization,WHO\nIslamic State,group,IS\n' > in/caps.csv
    csv_stop() { # FILE LINE COLUMN WORD
        nb -a "in/$1" "$FIX/ok.txt" -o out/o.graphml
        expect_rc 4
        expect_err "netbuild: in/$1:$2:$3: alias \"$4\" is a common word, not a name"
        expect_absent out/o.graphml
    }
    csv_stop the.csv 2 3 The
    csv_stop said.csv 3 3 said
    # all-caps acronyms that spell a common word are names
    nb -a in/caps.csv "$FIX/ok.txt" -o out/o.graphml
    expect_rc 0
}

c_csv_kind_change() {
    printf 'name,kind,aliases\nIran,organization,\n' > in/kind.csv
    nb -a in/kind.csv "$FIX/ok.txt" -o out/o.graphml
    expect_rc 0
    expect_err 'in/kind.csv:2:2: "Iran" is already of kind country (an earlier line or file); kind organization ignored'
    expect_in out/o.graphml '<data key="kind">country</data>'
    expect_edges out/o.graphml 2
}

# Output paths in messages are printed without control characters.
c_out_hostile_names() {
    bad="out/$(printf 'a\033[31mred\nline')/o.graphml"
    nb "$FIX/ok.txt" -o "$bad"
    expect_rc 3
    expect_err "cannot write: No such file or directory"
    cat "$W/err" > "$W/allerr"
    nb "$FIX/ok.txt" -o "out/$(printf 'x\033]0;t\007.svg')"
    expect_rc 2
    expect_err "unknown output format"
    cat "$W/err" >> "$W/allerr"
    nb "$FIX/ok.txt" -f "$(printf 'd\033[2Jot')" -o out/o.graphml
    expect_rc 2
    cat "$W/err" >> "$W/allerr"
    mkdir "out/$(printf 'd\033[1mir.graphml')"
    nb "$FIX/ok.txt" -o "out/$(printf 'd\033[1mir.graphml')"
    expect_rc 3
    expect_err "cannot write: Is a directory"
    cat "$W/err" >> "$W/allerr"
    if LC_ALL=C tr -d '\n' < "$W/allerr" | LC_ALL=C grep -q "$(printf '[\001-\037]')"; then
        fail "stderr carries control characters from output names"
    fi
}
