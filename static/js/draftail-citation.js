/*
 * "Cite a source" in Wagtail's rich text editor (Draftail).
 *
 * The toolbar button opens Wagtail's snippet chooser on the library of sources; the chosen
 * source is cited right after the selection (or at the cursor) as an immutable "[source]"
 * token. The server stores it as <embed embedtype="citation" id="..."/> (sources/editor.py).
 * Plain JavaScript with Wagtail's globals (React, Draft.js, Draftail): no build step.
 */
(() => {
  const { React, DraftJS, draftail } = window;
  const TOKEN = "[source]";

  class CitationSource extends draftail.ModalWorkflowSource {
    getChooserConfig() {
      return {
        url: this.props.entityType.chooserUrls.sourceChooser,
        urlParams: {},
        onload: window.CHOOSER_MODAL_ONLOAD_HANDLERS,
        responses: { chosen: this.onChosen },
      };
    }

    filterEntityData(data) {
      return { id: data.id, title: data.string };
    }

    onChosen(data) {
      const { editorState, entityType, onComplete } = this.props;
      const selection = editorState.getSelection();
      // Cite after what is selected: the statement stays as the writer wrote it.
      const end = selection.merge({
        anchorKey: selection.getEndKey(),
        anchorOffset: selection.getEndOffset(),
        focusKey: selection.getEndKey(),
        focusOffset: selection.getEndOffset(),
        isBackward: false,
      });
      const content = editorState
        .getCurrentContent()
        .createEntity(entityType.type, "IMMUTABLE", this.filterEntityData(data));
      const entityKey = content.getLastCreatedEntityKey();
      const withCitation = DraftJS.Modifier.insertText(content, end, TOKEN, null, entityKey);
      const nextState = DraftJS.EditorState.push(editorState, withCitation, "insert-characters");
      this.workflow.close();
      onComplete(DraftJS.EditorState.forceSelection(nextState, withCitation.getSelectionAfter()));
    }
  }

  // The token, naming the source it cites on hover (the editor's "Sources" panel lists them all).
  const Citation = ({ contentState, entityKey, children }) => {
    const { id, title } = contentState.getEntity(entityKey).getData();
    const name = title ? `Source: ${title}` : `Source ${id}`;
    return React.createElement(
      "span",
      { className: "citation-entity", title: name, "data-source-id": id },
      children,
    );
  };

  draftail.registerPlugin(
    { type: "CITATION", source: CitationSource, decorator: Citation },
    "entityTypes",
  );
})();
