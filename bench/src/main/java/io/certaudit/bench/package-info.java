/** Synthetic hosts, the comparison with openssl verify, and microbenchmarks: how fast certaudit is. */
package io.certaudit.bench;
