package se.samtrygg.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A network group's adjusted reminder rules (reminder_setting) and users' opt-outs (notification_opt_out). */
@RegisterConstructorMapper(ReminderSettingsDao.SettingRow.class)
public interface ReminderSettingsDao {

    record SettingRow(String kind, boolean enabled, Integer days) {
    }

    @SqlQuery("SELECT kind, enabled, days FROM reminder_setting WHERE network_group_id = :groupId ORDER BY kind")
    List<SettingRow> settingsOf(@Bind("groupId") long groupId);

    @SqlUpdate("DELETE FROM reminder_setting WHERE network_group_id = :groupId")
    int clearSettings(@Bind("groupId") long groupId);

    @SqlUpdate("""
            INSERT INTO reminder_setting (network_group_id, kind, enabled, days, updated_at)
            VALUES (:groupId, :kind, :enabled, :days, :now)""")
    void insertSetting(@Bind("groupId") long groupId, @Bind("kind") String kind, @Bind("enabled") boolean enabled,
                       @Bind("days") Integer days, @Bind("now") Instant now);

    /** The group's name, if it exists; the page and the audit entry name it. */
    @SqlQuery("SELECT name FROM network_group WHERE id = :groupId")
    Optional<String> groupName(@Bind("groupId") long groupId);

    @SqlQuery("SELECT COUNT(*) FROM network_group_coordinator WHERE network_group_id = :groupId AND user_id = :userId")
    int isCoordinator(@Bind("groupId") long groupId, @Bind("userId") long userId);

    @SqlQuery("SELECT kind FROM notification_opt_out WHERE user_id = :userId ORDER BY kind")
    List<String> optOuts(@Bind("userId") long userId);

    @SqlUpdate("DELETE FROM notification_opt_out WHERE user_id = :userId")
    int clearOptOuts(@Bind("userId") long userId);

    @SqlUpdate("INSERT INTO notification_opt_out (user_id, kind, created_at) VALUES (:userId, :kind, :now)")
    void insertOptOut(@Bind("userId") long userId, @Bind("kind") String kind, @Bind("now") Instant now);
}
