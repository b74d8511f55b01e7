/** Fetching and verifying the CRLs and OCSP answers the chain certificates name, when the user asks for it. */
package io.certaudit.agent.revocation;
