/** The React Flow canvas: renders the projection of the document and turns every interaction into a journey change. */
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { isStepType, type JourneyDocument, type StepType } from '../../schema/index.js';
import type { JourneyChange } from '../model/changes.js';
import { documentToGraph, type OutputEdge } from '../model/projection.js';
import type { PathOverlay } from '../model/path-overlay.js';
import type { Validation } from '../editor/useValidation.js';
import type { RecordOptions } from '../model/history.js';
import { nodeTypes } from './nodes/index.js';
import { edgeTypes } from './edges/OutputEdgeView.js';
import type { StepViewNode } from './nodes/view-data.js';
import { stepDragType } from './Palette.js';
import { viewGraph, type ViewOptions } from './view-graph.js';
import { createViewCache, reuseEdges, reuseNodes } from './view-cache.js';
import { openingView } from './opening-view.js';
import { isFarZoom } from '../model/zoom-detail.js';
import { useHandleMeasurement } from './useHandleMeasurement.js';

/** Where the author's choice to hide the minimap is remembered, across journeys and reloads. */
const minimapKey = 'carepath.minimap';

/** Above this many steps the canvas draws only what is in view. */
export const LARGE_JOURNEY_STEPS = 150;

interface Props {
  document: JourneyDocument;
  apply: (change: JourneyChange, options?: Omit<RecordOptions, 'now'>) => void;
  mark: () => void;
  validation: Validation;
  overlay: PathOverlay;
  /** A published version's live counts, shown on its steps and edges. */
  liveCounts?: ViewOptions['liveCounts'];
  selectedStepId?: string;
  onSelectStep: (stepId: string | undefined) => void;
  /** A step dropped from the palette, centred on this canvas point. */
  onAddStep: (type: StepType, centre: { x: number; y: number }) => void;
}

export function JourneyCanvas({
  document,
  apply,
  mark,
  validation,
  overlay,
  liveCounts,
  selectedStepId,
  onSelectStep,
  onAddStep,
}: Props) {
  const flow = useReactFlow<StepViewNode, OutputEdge>();
  // One boolean for the whole canvas: cards change only when the zoom crosses the threshold, not on every zoom step.
  const far = useStore((s) => isFarZoom(s.transform[2]));
  const [showMinimap, setShowMinimap] = useState(() => localStorage.getItem(minimapKey) !== 'hidden');
  const toggleMinimap = useCallback(() => {
    setShowMinimap((shown) => {
      localStorage.setItem(minimapKey, shown ? 'hidden' : 'shown');
      return !shown;
    });
  }, []);
  const [measured, setMeasured] = useState<Map<string, { width: number; height: number }>>(() => new Map());
  const [selectedEdgeIds, setSelectedEdgeIds] = useState<Set<string>>(() => new Set());
  // Steps being dragged: React Flow moves them here, and the document gets one move-step when the drag ends,
  // so a drag is one undoable change and never revalidates or re-projects the journey on every pointer move.
  const [dragging, setDragging] = useState<ReadonlyMap<string, { x: number; y: number }>>(() => new Map());
  const draggingRef = useRef(dragging);
  draggingRef.current = dragging;
  const cache = useRef(createViewCache());
  const graph = useMemo(() => documentToGraph(document), [document]);
  const { nodes, edges } = useMemo(() => {
    const view = viewGraph(graph, {
      problems: validation.byStep,
      overlay,
      selectedStepId,
      selectedEdgeIds,
      measured,
      dragging,
      liveCounts,
    });
    return {
      nodes: reuseNodes(cache.current, document.steps, view.nodes),
      edges: reuseEdges(cache.current, view.edges),
    };
  }, [
    graph,
    document.steps,
    validation.byStep,
    overlay,
    selectedStepId,
    selectedEdgeIds,
    measured,
    dragging,
    liveCounts,
  ]);
  // Fit the view to a journey that opens with steps; on an empty one, fitting would jump the view to the first dropped step.
  const [fitOnOpen] = useState(() => Object.keys(document.steps).length > 0);
  const [fitOptions] = useState(() => openingView(document));
  // A long journey draws only the steps in view (and their edges): five hundred cards and fifteen hundred
  // labelled edges measured at once is what made a large journey slow to open and to drag.
  const virtualise = Object.keys(document.steps).length > LARGE_JOURNEY_STEPS;
  const edgesRef = useRef(edges);
  edgesRef.current = edges;

  useHandleMeasurement(nodes);

  const onNodesChange = useCallback(
    (changes: NodeChange<StepViewNode>[]) => {
      // React Flow sends a selection as one batch (select the clicked node, deselect the others), in any order; settle it once.
      let selected = selectedStepId;
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) {
          const { width, height } = change.dimensions;
          setMeasured((map) => {
            const old = map.get(change.id);
            return old && old.width === width && old.height === height
              ? map
              : new Map(map).set(change.id, { width, height });
          });
        } else if (change.type === 'position') {
          const position = change.position
            ? { x: Math.round(change.position.x), y: Math.round(change.position.y) }
            : draggingRef.current.get(change.id);
          if (change.dragging) {
            if (position) setDragging((map) => new Map(map).set(change.id, position));
          } else {
            if (position)
              apply({ type: 'move-step', stepId: change.id, position }, { coalesceKey: `move:${change.id}` });
            mark();
            setDragging((map) => {
              if (!map.has(change.id)) return map;
              const next = new Map(map);
              next.delete(change.id);
              return next;
            });
          }
        } else if (change.type === 'select') {
          if (change.selected) selected = change.id;
          else if (change.id === selected) selected = undefined;
        } else if (change.type === 'remove') {
          apply({ type: 'remove-step', stepId: change.id }, { coalesceKey: 'delete' });
          if (change.id === selected) selected = undefined;
        }
      }
      if (selected !== selectedStepId) onSelectStep(selected);
    },
    [apply, mark, onSelectStep, selectedStepId],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<OutputEdge>[]) => {
      for (const change of changes) {
        if (change.type === 'select') {
          setSelectedEdgeIds((ids) => {
            const next = new Set(ids);
            if (change.selected) next.add(change.id);
            else next.delete(change.id);
            return next;
          });
        } else if (change.type === 'remove') {
          const edge = edgesRef.current.find((e) => e.id === change.id);
          if (edge)
            apply({ type: 'disconnect', source: edge.source, output: edge.data!.output }, { coalesceKey: 'delete' });
          setSelectedEdgeIds((ids) => {
            const next = new Set(ids);
            next.delete(change.id);
            return next;
          });
        }
      }
    },
    [apply],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.sourceHandle) return;
      mark();
      apply({ type: 'connect', source: connection.source, output: connection.sourceHandle, target: connection.target });
    },
    [apply, mark],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(stepDragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(stepDragType);
      if (!isStepType(type)) return;
      event.preventDefault();
      onAddStep(type, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [onAddStep, flow],
  );

  return (
    <div
      className={far ? 'canvas canvas--far' : 'canvas'}
      data-testid="canvas"
      data-zoom-detail={far ? 'far' : 'near'}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<StepViewNode, OutputEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onPaneClick={() => onSelectStep(undefined)}
        deleteKeyCode={['Delete', 'Backspace']}
        connectionRadius={40}
        fitView={fitOnOpen}
        fitViewOptions={fitOptions}
        onlyRenderVisibleElements={virtualise}
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <Controls>
          {/* With the view's other controls: the top right belongs to the test-patient drawer. */}
          <ControlButton
            onClick={toggleMinimap}
            aria-pressed={showMinimap}
            aria-label="Minimap"
            title={showMinimap ? 'Hide the minimap' : 'Show the minimap'}
            data-testid="toggle-minimap"
          >
            <span aria-hidden="true">▦</span>
          </ControlButton>
        </Controls>
        {showMinimap && <MiniMap pannable zoomable ariaLabel="Journey overview" />}
      </ReactFlow>
      {Object.keys(document.steps).length === 0 && (
        <div className="canvas-empty">Drag a Message, Wait or End step here from the palette.</div>
      )}
    </div>
  );
}
