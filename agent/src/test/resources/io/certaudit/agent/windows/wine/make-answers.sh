#!/bin/sh
# Regenerates answers.txt: builds record_answers.c with mingw-w64 and runs it under Wine in a throw-away
# prefix, with certificates made here by openssl (valid until 2100; the keys are thrown away). Needs Debian's
# wine (wine64 is enough), mingw-w64 and openssl:
#   apt-get install wine mingw-w64 openssl
# Run from this folder: sh make-answers.sh [output folder, this one by default]
set -eu
here=$(pwd)
out=$(cd "${1:-.}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all
cd "$work"
# Creating the prefix takes longest; it runs while openssl and mingw-w64 work.
wineboot -i >/dev/null 2>&1 &
booting=$!

days=27000
openssl req -x509 -newkey rsa:2048 -nodes -keyout root.key -subj "/CN=certaudit wine root" -days $days \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -outform DER -out root.der 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout ca.key -subj "/CN=certaudit wine intermediate" -out ca.csr 2>/dev/null
printf '%s\n' "basicConstraints=critical,CA:TRUE,pathlen:0" "keyUsage=critical,keyCertSign,cRLSign" > ca.cnf
openssl x509 -req -in ca.csr -CA root.der -CAform DER -CAkey root.key -set_serial 2 -days $days \
    -extfile ca.cnf -outform DER -out intermediate.der 2>/dev/null
serial=16
for name in service renewed odd; do
    serial=$((serial + 1))
    openssl req -newkey rsa:2048 -nodes -keyout $name.key -subj "/CN=$name.certaudit.example" -out $name.csr \
        2>/dev/null
    printf '%s\n' "subjectAltName=DNS:$name.certaudit.example" "extendedKeyUsage=serverAuth,clientAuth" \
        "keyUsage=critical,digitalSignature,keyEncipherment" > $name.cnf
    openssl x509 -req -in $name.csr -CA intermediate.der -CAform DER -CAkey ca.key -set_serial $serial \
        -days $days -extfile $name.cnf -out $name.pem 2>/dev/null
    openssl x509 -in $name.pem -outform DER -out $name.der
done
# PKCS#12 with the algorithms every Windows (and Wine's importer) reads; empty password.
openssl pkcs12 -export -inkey service.key -in service.pem -passout pass: -keypbe PBE-SHA1-3DES \
    -certpbe PBE-SHA1-3DES -macalg sha1 -out service.pfx

x86_64-w64-mingw32-gcc -O1 -Wall -Wextra -Werror -o record_answers.exe "$here/record_answers.c" -lcrypt32 -ladvapi32
# Let the prefix's set-up finish first: it rewrites the service database the program adds to.
wait $booting
wineserver -w
wine record_answers.exe service.pfx renewed.der odd.der intermediate.der root.der > answers.txt
wineserver -w
cp answers.txt "$out/answers.txt"
