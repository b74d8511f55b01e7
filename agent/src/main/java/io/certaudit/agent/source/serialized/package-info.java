/** Readers of exported Windows certificate stores (serialized .sst files, registry exports), readable on any OS. */
package io.certaudit.agent.source.serialized;
