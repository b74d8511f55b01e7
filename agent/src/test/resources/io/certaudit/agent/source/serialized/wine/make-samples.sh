#!/bin/sh
# Regenerates the sample stores in this folder with Wine's crypt32 and reg.exe, an implementation
# independent of certaudit. Needs Debian's wine, mingw-w64 and openssl:
#   apt-get install wine mingw-w64 openssl
# Run from this folder: sh make-samples.sh
set -eu
here=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all
cd "$work"

# Certificates valid until 2100, so the committed samples do not expire; the keys are thrown away.
days=27000
openssl req -x509 -newkey rsa:2048 -nodes -keyout root.key -subj "/CN=certaudit sample root" -days $days \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -outform DER -out root.der
openssl req -newkey rsa:2048 -nodes -keyout ca.key -subj "/CN=certaudit sample intermediate" -out ca.csr
printf '%s\n' "basicConstraints=critical,CA:TRUE,pathlen:0" "keyUsage=critical,keyCertSign,cRLSign" > ca.cnf
openssl x509 -req -in ca.csr -CA root.der -CAform DER -CAkey root.key -set_serial 2 -days $days \
    -extfile ca.cnf -outform DER -out intermediate.der
serial=16
for name in service renewed; do
    serial=$((serial + 1))
    openssl req -newkey rsa:2048 -nodes -keyout $name.key -subj "/CN=$name.certaudit.example" -out $name.csr
    printf '%s\n' "subjectAltName=DNS:$name.certaudit.example" "extendedKeyUsage=serverAuth,clientAuth" \
        "keyUsage=critical,digitalSignature,keyEncipherment" > $name.cnf
    openssl x509 -req -in $name.csr -CA intermediate.der -CAform DER -CAkey ca.key -set_serial $serial \
        -days $days -extfile $name.cnf -outform DER -out $name.der
done

x86_64-w64-mingw32-gcc -O1 -Wall -o make_samples.exe "$here/make_samples.c" -lcrypt32 -ladvapi32
wineboot -i
wine make_samples.exe service.der renewed.der intermediate.der root.der my.sst
wine reg export 'HKLM\Software\Microsoft\SystemCertificates\MY' my.reg /y
wine reg export 'HKLM\Software\Microsoft\SystemCertificates\CA' ca.reg /y
wine reg export 'HKLM\Software\Policies\Microsoft\SystemCertificates' policies.reg /y
wine reg export 'HKLM\Software\Microsoft\EnterpriseCertificates' enterprise.reg /y
wineserver -w
cp my.sst my.reg ca.reg policies.reg enterprise.reg "$here/"
