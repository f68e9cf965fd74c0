package org.customersegmentation.dataset.profile;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.customersegmentation.dataset.DatasetProfile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Each dataset's profile, computed once at upload and kept as one JSON document. */
@Repository
public class ProfileStore {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ProfileStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void save(UUID datasetId, DatasetProfile profile) {
        jdbc.update("INSERT INTO dataset_profile (dataset_id, profile) VALUES (?, ?::jsonb)", datasetId,
                json.writeValueAsString(profile));
    }

    public Optional<DatasetProfile> find(UUID datasetId) {
        List<String> found = jdbc.queryForList("SELECT profile::text FROM dataset_profile WHERE dataset_id = ?",
                String.class, datasetId);
        return found.stream().findFirst().map(text -> json.readValue(text, DatasetProfile.class));
    }
}
