package org.tierslieux.core.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.tenancy.TenantOwned;

/** A group of members who pay the same prices. Its code is stable (prices and the API name it); its name is not. */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "member_group")
public class MemberGroup extends TenantOwned {

    /** The code of every place's default group, which members without a group belong to. */
    public static final String STANDARD = "standard";

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected MemberGroup() {}

    MemberGroup(String code, String name, Instant createdAt) {
        super(UUID.randomUUID());
        this.code = code(code);
        rename(name);
        this.createdAt = createdAt;
    }

    /** A group code: lower-case letters, digits and dashes, 2 to 40 (like a place's slug). */
    public static String code(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        // "mine" is a path of the API (/groups/mine), not a group
        if (!c.matches("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?") || c.equals("mine")) {
            throw DomainException.invalid("group.code-invalid", Map.of("code", String.valueOf(code)));
        }
        return c;
    }

    void rename(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw DomainException.invalid("group.name-invalid", Map.of());
        }
        this.name = name.strip();
    }

    public GroupId id() {
        return new GroupId(uuid());
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public boolean isDefault() {
        return STANDARD.equals(code);
    }
}
