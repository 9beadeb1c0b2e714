package io.ciamportal.exports.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The properties of a user tree's object ({@link JsonWalker#object}): a user has a dozen read properties, an identity
 * four, so two arrays searched in order beat a hash map (no hashing, no entry per property); above
 * {@link #SMALL} properties it turns into a {@link LinkedHashMap}. Insertion order, a put of a known name replaces its
 * value in place: the behaviour of the map Jackson's {@code ObjectNode} keeps by default.
 */
final class SmallMap extends AbstractMap<String, JsonNode> {

    static final int SMALL = 16;

    private String[] keys = new String[8];
    private JsonNode[] values = new JsonNode[8];
    private int n;
    private @Nullable LinkedHashMap<String, JsonNode> big;

    private int indexOf(@Nullable Object key) {
        for (int i = 0; i < n; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public @Nullable JsonNode get(@Nullable Object key) {
        if (big != null) {
            return big.get(key);
        }
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return big != null ? big.containsKey(key) : indexOf(key) >= 0;
    }

    @Override
    public @Nullable JsonNode put(String key, JsonNode value) {
        if (big != null) {
            return big.put(key, value);
        }
        int i = indexOf(key);
        if (i >= 0) {
            JsonNode old = values[i];
            values[i] = value;
            return old;
        }
        if (n == SMALL) {
            var map = new LinkedHashMap<String, JsonNode>(2 * SMALL + 2);
            for (int j = 0; j < n; j++) {
                map.put(keys[j], values[j]);
            }
            big = map;
            keys = new String[0];
            values = new JsonNode[0];
            n = 0;
            return map.put(key, value);
        }
        if (n == keys.length) {
            keys = java.util.Arrays.copyOf(keys, n * 2);
            values = java.util.Arrays.copyOf(values, n * 2);
        }
        keys[n] = key;
        values[n++] = value;
        return null;
    }

    @Override
    public @Nullable JsonNode remove(@Nullable Object key) {
        if (big != null) {
            return big.remove(key);
        }
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        JsonNode old = values[i];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        System.arraycopy(keys, i + 1, keys, i, n - i - 1);
        System.arraycopy(values, i + 1, values, i, n - i - 1);
        n--;
        keys[n] = null;
        values[n] = null;
    }

    @Override
    public int size() {
        return big != null ? big.size() : n;
    }

    @Override
    public void clear() {
        if (big != null) {
            big.clear();
        }
        java.util.Arrays.fill(keys, 0, n, null);
        java.util.Arrays.fill(values, 0, n, null);
        n = 0;
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        if (big != null) {
            return big.entrySet();
        }
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, JsonNode>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;

                    @Override
                    public boolean hasNext() {
                        return next < n;
                    }

                    @Override
                    public Entry<String, JsonNode> next() {
                        if (next >= n) {
                            throw new NoSuchElementException();
                        }
                        last = next++;
                        int at = last;
                        return new Map.Entry<>() {
                            private final String key = keys[at];

                            @Override
                            public String getKey() {
                                return key;
                            }

                            @Override
                            public JsonNode getValue() {
                                return values[at];
                            }

                            @Override
                            public JsonNode setValue(JsonNode value) {
                                JsonNode old = values[at];
                                values[at] = value;
                                return old;
                            }

                            @Override
                            public boolean equals(Object o) {
                                return o instanceof Map.Entry<?, ?> e && key.equals(e.getKey()) && java.util.Objects.equals(getValue(), e.getValue());
                            }

                            @Override
                            public int hashCode() {
                                return key.hashCode() ^ java.util.Objects.hashCode(getValue());
                            }
                        };
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException();
                        }
                        removeAt(last);
                        next = last;
                        last = -1;
                    }
                };
            }

            @Override
            public int size() {
                return n;
            }
        };
    }
}
