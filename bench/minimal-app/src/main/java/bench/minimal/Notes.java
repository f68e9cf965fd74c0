package bench.minimal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

interface Notes extends JpaRepository<Note, Long> {
}

@RestController
class NotesController {
    private final Notes notes;

    NotesController(Notes notes) {
        this.notes = notes;
    }

    @GetMapping("/notes")
    List<Long> ids() {
        return notes.findAll().stream().map(note -> note.id).toList();
    }
}
