package io.certaudit.agent.source.serialized;

import java.util.List;

/**
 * One certificate as a store serializes it: the properties written before it, then the certificate itself.
 *
 * @param offset            where the element's first entry starts
 * @param properties        the properties, in file order
 * @param certificateOffset where the certificate entry's header starts
 * @param certificate       the DER bytes of the certificate (property 32), not yet decoded
 */
record SerializedElement(long offset, List<SerializedProperty> properties, long certificateOffset,
                         byte[] certificate) {

    SerializedElement {
        properties = List.copyOf(properties);
    }
}
