package org.tierslieux.coworking.room;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;

/** The meeting rooms of the current place with their equipment and non-member supplement. */
@ApplicationScoped
public class Rooms {

    public static final String KIND = "ROOM";
    public static final int MAX_ITEMS = 20;
    public static final int MAX_ITEM_LENGTH = 60;

    /** A room as members see it; {@code nonMemberSupplement} per hour, null when non-members pay the same. */
    public record Room(Resource resource, List<String> equipment, Money nonMemberSupplement) {}

    private final ResourceService resources;
    private final PlaceContext placeContext;
    private final Clock clock;

    Rooms(ResourceService resources, PlaceContext placeContext, Clock clock) {
        this.resources = resources;
        this.placeContext = placeContext;
        this.clock = clock;
    }

    @Transactional
    public List<Room> all() {
        Map<UUID, Object[]> settings = new HashMap<>();
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "select resource_id, equipment, non_member_supplement from room_settings", Object[].class)
                .getResultList();
        rows.forEach(r -> settings.put((UUID) r[0], r));
        List<Room> rooms = new ArrayList<>();
        for (Resource r : resources.active()) {
            if (KIND.equals(r.kind())) {
                rooms.add(room(r, settings.get(r.id().value())));
            }
        }
        return rooms;
    }

    @Transactional
    public Room find(ResourceId id) {
        Resource resource = roomOrRefuse(id);
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "select resource_id, equipment, non_member_supplement from room_settings where resource_id = :r",
                        Object[].class)
                .setParameter("r", id.value())
                .getResultList();
        return room(resource, rows.isEmpty() ? null : rows.get(0));
    }

    /** The supplement per hour a non-member pays on this room, if any (no refusal: any resource may be asked). */
    @Transactional
    public BigDecimal supplementOf(ResourceId id) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("select non_member_supplement from room_settings where resource_id = :r")
                .setParameter("r", id.value())
                .getResultList();
        return rows.isEmpty() ? null : (BigDecimal) rows.get(0);
    }

    /** A manager sets the equipment list and the non-member supplement per hour (null or 0: none). */
    @Transactional
    public Room configure(ResourceId id, List<String> equipment, BigDecimal supplement) {
        roomOrRefuse(id);
        List<String> items = equipment == null
                ? List.of()
                : equipment.stream()
                        .map(e -> e == null ? "" : e.strip())
                        .filter(e -> !e.isEmpty())
                        .distinct()
                        .toList();
        if (items.size() > MAX_ITEMS
                || items.stream().anyMatch(e -> e.length() > MAX_ITEM_LENGTH || e.contains("\n"))) {
            throw DomainException.invalid(
                    "room.equipment-invalid", Map.of("max", MAX_ITEMS, "length", MAX_ITEM_LENGTH));
        }
        if (supplement != null
                && (supplement.signum() < 0
                        || supplement.scale() > 2
                        || supplement.compareTo(new BigDecimal("100000")) >= 0)) {
            throw DomainException.invalid("room.supplement-invalid", Map.of());
        }
        BigDecimal stored = supplement == null || supplement.signum() == 0 ? null : supplement;
        Panache.getEntityManager()
                .createNativeQuery(
                        "insert into room_settings (tenant_id, resource_id, equipment, non_member_supplement,"
                                + " updated_at) values (current_place_id(), :r, :e, :s, :at) on conflict (tenant_id, resource_id)"
                                + " do update set equipment = excluded.equipment,"
                                + " non_member_supplement = excluded.non_member_supplement, updated_at = excluded.updated_at")
                .setParameter("r", id.value())
                .setParameter("e", String.join("\n", items))
                .setParameter("s", stored)
                .setParameter("at", clock.instant())
                .executeUpdate();
        return find(id);
    }

    private Resource roomOrRefuse(ResourceId id) {
        Resource resource = resources.find(id);
        if (!KIND.equals(resource.kind())) {
            throw DomainException.invalid("room.not-a-room", Map.of("name", resource.name()));
        }
        return resource;
    }

    private Room room(Resource resource, Object[] row) {
        List<String> equipment = row == null || row[1] == null || ((String) row[1]).isEmpty()
                ? List.of()
                : Arrays.asList(((String) row[1]).split("\n"));
        BigDecimal supplement = row == null ? null : (BigDecimal) row[2];
        return new Room(
                resource,
                equipment,
                supplement == null
                        ? null
                        : new Money(supplement, placeContext.require().currency()));
    }
}
