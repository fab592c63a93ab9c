package org.switchboard.pbx.provisioning;

/**
 * A programmable key on a phone, numbered from 1 in the vendor's key order; immutable, any thread.
 */
public sealed interface FunctionKey {

    /** The key's number, from 1. */
    int position();

    /** The text shown beside the key. */
    String label();

    /** A key that shows and seizes the phone's own SIP line. */
    record LineKey(int position, String label) implements FunctionKey {
        public LineKey {
            FunctionKeys.checkPosition(position);
            ConfigText.text(label, "key_label", 32);
        }
    }

    /**
     * A busy lamp field key: shows whether {@code target} is idle, ringing or busy (the phone
     * subscribes to its dialog state, RFC 4235) and calls it when pressed.
     */
    record BlfKey(int position, String target, String label) implements FunctionKey {
        public BlfKey {
            FunctionKeys.checkPosition(position);
            ConfigText.dialable(target, "key_target");
            ConfigText.text(label, "key_label", 32);
        }
    }
}
