/** The live Windows source: LocalMachine stores, private keys and service-account access through CryptoAPI, CNG and Authz. */
package io.certaudit.agent.windows;
