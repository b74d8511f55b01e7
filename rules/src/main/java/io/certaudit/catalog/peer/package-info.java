/** Rules on the MTLS peer, judged from one handshake: trust both ways, its name, its own certificates, reachability. */
@NullMarked
package io.certaudit.catalog.peer;

import org.jspecify.annotations.NullMarked;
