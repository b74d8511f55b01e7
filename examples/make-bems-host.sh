#!/usr/bin/env bash
# Regenerates examples/bems-host: a small BEMS host whose certificates are valid for ten years or more (roots twenty).
#   ROOT: Example Corp Root CA (the enterprise root), Contoso Lync Root CA (the peer's root),
#         and, deliberately, a copy of the issuing CA (an intermediate in Trusted Root: breaks MTLS).
#   CA:   Example Corp Issuing CA 1, Contoso Lync Issuing CA.
#   MY:   bemsapppool.example.com with its key (PEM pair) and SANs for the pool and two instances.
set -euo pipefail
cd "$(dirname "$0")"
out=bems-host
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out/MY" "$out/CA" "$out/ROOT"
mkdir -p "$out/MY" "$out/CA" "$out/ROOT"

cat > "$work/ext.cnf" <<'CNF'
[root]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[issuing]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:http://pki.example.com/crl/root.crl
[bems]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:bemsapppool.example.com, DNS:bemsserver01.example.com, DNS:bemsserver02.example.com
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:http://pki.example.com/crl/issuing1.crl
CNF

root() { # subject file
  openssl req -x509 -new -newkey rsa:2048 -nodes -keyout "$work/$2.key" -subj "$1" -days 7300 -sha256 \
    -set_serial 0x$(openssl rand -hex 8) -extensions root -config <(cat /etc/ssl/openssl.cnf "$work/ext.cnf") \
    -out "$work/$2.crt" 2>/dev/null
}
sign() { # subject file issuer extension
  openssl req -new -newkey rsa:2048 -nodes -keyout "$work/$2.key" -subj "$1" -out "$work/$2.csr" 2>/dev/null
  openssl x509 -req -in "$work/$2.csr" -CA "$work/$3.crt" -CAkey "$work/$3.key" -set_serial 0x$(openssl rand -hex 8) \
    -days 3650 -sha256 -extfile "$work/ext.cnf" -extensions "$4" -out "$work/$2.crt" 2>/dev/null
}

root "/C=US/O=Example Corp/CN=Example Corp Root CA" example-root
root "/C=US/O=Contoso/CN=Contoso Lync Root CA" contoso-root
sign "/C=US/O=Example Corp/CN=Example Corp Issuing CA 1" example-issuing example-root issuing
sign "/C=US/O=Contoso/CN=Contoso Lync Issuing CA" contoso-issuing contoso-root issuing
sign "/C=US/O=Example Corp/OU=BEMS/CN=bemsapppool.example.com" bems example-issuing bems

cp "$work/example-root.crt" "$out/ROOT/example-corp-root-ca.crt"
cp "$work/contoso-root.crt" "$out/ROOT/contoso-lync-root-ca.crt"
cp "$work/example-issuing.crt" "$out/ROOT/example-corp-issuing-ca-1.crt"   # the deliberate mistake
cp "$work/example-issuing.crt" "$out/CA/example-corp-issuing-ca-1.crt"
cp "$work/contoso-issuing.crt" "$out/CA/contoso-lync-issuing-ca.crt"
cp "$work/bems.crt" "$out/MY/bemsapppool.example.com.crt"
cp "$work/bems.key" "$out/MY/bemsapppool.example.com.key"
echo "wrote $out"
