/** Observes a TLS peer with one bounded handshake: its chain and the CA list it sends, never a certificate of ours. */
package io.certaudit.agent.probe;
