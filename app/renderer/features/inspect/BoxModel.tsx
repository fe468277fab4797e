import type { NodeBox, NodeBoxEdges } from '../../../shared/device-protocol';

const px = (value: number) => (value === 0 ? '-' : String(Math.round(value * 100) / 100));

function Edges({ name, edges, children }: { name: string; edges: NodeBoxEdges; children: React.ReactNode }) {
  return (
    <div className={`box-layer box-${name}`} data-box={name}>
      <span className="box-label">{name}</span>
      <span className="box-top">{px(edges.top)}</span>
      <div className="box-middle">
        <span className="box-left">{px(edges.left)}</span>
        {children}
        <span className="box-right">{px(edges.right)}</span>
      </div>
      <span className="box-bottom">{px(edges.bottom)}</span>
    </div>
  );
}

/** The margin / border / padding / content diagram of the Computed tab, in CSS pixels of the device page. */
export function BoxModel({ box }: { box: NodeBox }) {
  const contentWidth = box.width - box.border.left - box.border.right - box.padding.left - box.padding.right;
  const contentHeight = box.height - box.border.top - box.border.bottom - box.padding.top - box.padding.bottom;
  return (
    <div className="box-model" data-testid="box-model">
      <Edges name="margin" edges={box.margin}>
        <Edges name="border" edges={box.border}>
          <Edges name="padding" edges={box.padding}>
            <div className="box-content" data-box="content">
              {px(Math.max(0, contentWidth))} × {px(Math.max(0, contentHeight))}
            </div>
          </Edges>
        </Edges>
      </Edges>
    </div>
  );
}
