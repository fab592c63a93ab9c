package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Bridge} only connects legs call control holds; bridging them is proven by {@code OriginateIT}. */
class BridgeTest {

    @Test
    void aLegCallControlDoesNotHoldIsRefused() {
        PbxLeg foreign = (PbxLeg) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PbxLeg.class}, (proxy, method, args) -> method.getName().equals("toString") ? "foreign" : null);

        assertThatThrownBy(() -> Bridge.open(foreign, foreign))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a leg call control holds");
    }
}
