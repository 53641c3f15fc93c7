# fixtures.sh - writes the small inputs of the bad-input catalogue into a
# folder: sh tests/catalogue/fixtures.sh DIR. Nothing binary is committed;
# every fixture is made here with printf (octal escapes: POSIX printf has no
# \x) or iconv. scripts/catalogue.sh uses them as case inputs and
# scripts/fuzz.sh as seed corpora (*.txt, *.bin: articles; *.csv: actor
# dictionaries).
set -eu
D=${1:?usage: fixtures.sh DIR}
mkdir -p "$D"
cd "$D"

REL='Iran funds Hezbollah. The United States condemned Iran.'

# ---- articles ------------------------------------------------------------
printf '%s\n' "$REL" > ok.txt
# NUL bytes inside otherwise ordinary text
printf 'Iran funds\000 Hezbollah.\000\000 The United States\000 condemned Iran.\n' > nul.txt
# mostly NUL: over 10% control bytes, so not text
printf 'Iran\000\000\000\000\000\000\000\000\000\000\000\000 funds Hezbollah.\n' > mostly_nul.bin
# Valid UTF-8 prose with stray invalid bytes, truncated sequences, a
# surrogate, a code point above U+10FFFF and a 5-byte form.
{
    i=0
    while [ $i -lt 8 ]; do
        printf 'Caf\303\251 \303\251t\303\251 na\303\257ve \342\200\224 \346\227\245\346\234\254. '
        i=$((i + 1))
    done
    printf 'Iran funds Hezbollah \377\376 \355\240\200 \364\220\200\200 \370\210\200\200\200. '
    printf 'The United States condemned Iran \342\202.\n'
} > invalid_utf8.txt
# Overlong encodings of '<', '&', '"', '/' and NUL next to actor names: a
# lax decoder would turn them into markup.
{
    i=0
    while [ $i -lt 8 ]; do
        printf '\342\200\234Quoted\342\200\235 \303\251l\303\250ve \342\200\223 r\303\251sum\303\251. '
        i=$((i + 1))
    done
    printf 'Iran\300\274script\300\276 funds Hezbollah\340\200\246amp; \300\242 \300\257 \300\200. '
    printf 'The United States condemned Iran\301\274.\n'
} > overlong.txt
# a multibyte sequence cut by the end of the file
printf '%s \342\202' "$REL" > truncated_utf8.txt
printf '\357\273\277%s\n' "$REL" > utf8_bom.txt
{ printf '\377\376'; printf '%s\n' "$REL" | iconv -f UTF-8 -t UTF-16LE; } > utf16le.txt
{ printf '\376\377'; printf '%s\n' "$REL" | iconv -f UTF-8 -t UTF-16BE; } > utf16be.txt
# UTF-16 with a BOM, an odd byte count and an unpaired surrogate
{ printf '\377\376'; printf '%s' "$REL" | iconv -f UTF-8 -t UTF-16LE; printf '\000\330A'; } > utf16_broken.txt
printf 'Le pr\351sident Fran\347ois a parl\351. Iran funds Hezbollah. Caf\351 na\357ve, \253 d\351j\340 vu \273. The United States condemned Iran near the caf\351.\n' > latin1.txt
# C0 controls, DEL and C1 controls inside actor names and sentences
printf 'Ir\033[31man funds Hez\010bollah.\007 The \013United\014 States condemned \177Iran\302\205.\n' > controls.txt
# bidi overrides and zero-width characters inside actor names
printf 'Ir\342\200\256an funds Hezbol\342\200\213lah. The United \342\201\246States\342\201\251 condemned \342\200\256Iran\342\200\254.\n' > bidi.txt
# the user-dictionary actors of special.csv, by alias and by full name
printf 'AQF funds BSB. LTC condemned CBA. DMV attacked MLC. BRL funds CRU. EWB commands AQF. Hezbollah funds EWB. Ends With funds Hezbollah.\n' > special.txt
# file headers of common binary formats, followed by text
printf '\211PNG\r\n\032\n\000\000\000\rIHDR%s\n' "$REL" > header.png
printf '\377\330\377\340\000\020JFIF\000%s\n' "$REL" > header.jpg
printf '%%PDF-1.4\n%s\n' "$REL" > header.pdf
printf 'PK\003\004\024\000\000\000%s\n' "$REL" > header.zip
printf 'GIF89a\001\000\001\000%s\n' "$REL" > header.gif

# ---- dictionaries ----------------------------------------------------------
# Names with every character that is special in XML, DOT or CSV, plus a
# newline, a control character, a bidi override and a trailing backslash.
{
    printf 'name,kind,aliases,demonyms\n'
    printf '"Al ""Quote"" Front",group,AQF,\n'
    printf '"Back\\slash Brigade",group,BSB,\n'
    printf '"Less<Than & Co",organization,LTC,\n'
    printf '"Curly {Brace} Army",group,CBA,\n'
    printf '"Dash -- Movement",group,DMV,\n'
    printf '"Multi\nLine Corps",group,MLC,\n'
    printf '"Bidi \342\200\256Revo\342\200\254 League",group,BRL,\n'
    printf '"Ctl\001\033[31m Red Unit",group,CRU,\n'
    printf '"Ends With\\",group,EWB|Ends With,\n'
    printf '"Semi; Colon ]] > Arrow -> Force",group,,\n'
} > special.csv
printf 'name,kind,aliases\nFoo Front,group,FF\n"Bar Brigade,group,BB\nBaz Army,group,BA\n' > bad_unterminated.csv
printf 'name,kind,aliases\nFoo Front,group,FF\nBar Brigade,group\n' > bad_few_columns.csv
printf 'name,kind,aliases\nFoo Front,group,FF,Foonish,extra\n' > bad_many_columns.csv
printf 'name,kind,aliases\nFoo Front,group,Same Alias\nBar Brigade,group,Other|Same Alias\n' > bad_duplicate_alias.csv
printf 'name,kind,aliases\nFoo Front,group,FF\n,group,XX\n' > bad_empty_name.csv
printf 'name,kind,aliases\nFoo Front,group,FF\n"   ",group,Xyzzy\n' > bad_blank_name.csv
printf 'name,kind,aliases\nFoo Front,gang,FF\n' > bad_kind.csv
printf 'name,kind,aliases\nFoo Front,group,"FF"x\n' > bad_quote.csv
printf 'nom,genre,alias\nFoo Front,group,FF\n' > bad_header.csv
: > empty.csv
# valid: BOM, CRLF, quoted multi-line alias list, demonyms
printf '\357\273\277name,kind,aliases,demonyms\r\nFoo Front,group,"FF|\r\nFoo",Fooish\r\n' > crlf_bom.csv
