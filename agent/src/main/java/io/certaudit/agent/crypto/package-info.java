/** Native-speed signature verification (BoringSSL through Conscrypt), loaded only from certaudit's own folder. */
package io.certaudit.agent.crypto;
