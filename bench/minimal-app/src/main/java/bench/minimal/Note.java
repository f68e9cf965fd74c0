package bench.minimal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
class Note {
    @Id
    Long id;
    String text;
}
