from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.code_node import CodeNode
    from ..models.edge import Edge
    from ..models.end_node import EndNode
    from ..models.evaluation_node import EvaluationNode
    from ..models.http_node import HttpNode
    from ..models.llm_node import LlmNode
    from ..models.logic_gate_node import LogicGateNode
    from ..models.loop_node import LoopNode
    from ..models.merge_node import MergeNode
    from ..models.review_node import ReviewNode
    from ..models.start_node import StartNode
    from ..models.subtask_node import SubtaskNode


T = TypeVar("T", bound="Graph")


@_attrs_define
class Graph:
    """
    Attributes:
        nodes (list[CodeNode | EndNode | EvaluationNode | HttpNode | LlmNode | LogicGateNode | LoopNode | MergeNode |
            ReviewNode | StartNode | SubtaskNode]):
        edges (list[Edge]):
    """

    nodes: list[
        CodeNode
        | EndNode
        | EvaluationNode
        | HttpNode
        | LlmNode
        | LogicGateNode
        | LoopNode
        | MergeNode
        | ReviewNode
        | StartNode
        | SubtaskNode
    ]
    edges: list[Edge]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.code_node import CodeNode
        from ..models.end_node import EndNode
        from ..models.evaluation_node import EvaluationNode
        from ..models.http_node import HttpNode
        from ..models.llm_node import LlmNode
        from ..models.logic_gate_node import LogicGateNode
        from ..models.merge_node import MergeNode
        from ..models.review_node import ReviewNode
        from ..models.start_node import StartNode
        from ..models.subtask_node import SubtaskNode

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item: dict[str, Any]
            if (
                isinstance(nodes_item_data, StartNode)
                or isinstance(nodes_item_data, EndNode)
                or isinstance(nodes_item_data, SubtaskNode)
                or isinstance(nodes_item_data, ReviewNode)
                or isinstance(nodes_item_data, LogicGateNode)
                or isinstance(nodes_item_data, CodeNode)
                or isinstance(nodes_item_data, HttpNode)
                or isinstance(nodes_item_data, LlmNode)
                or isinstance(nodes_item_data, EvaluationNode)
                or isinstance(nodes_item_data, MergeNode)
            ):
                nodes_item = nodes_item_data.to_dict()
            else:
                nodes_item = nodes_item_data.to_dict()

            nodes.append(nodes_item)

        edges = []
        for edges_item_data in self.edges:
            edges_item = edges_item_data.to_dict()
            edges.append(edges_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nodes": nodes,
                "edges": edges,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.code_node import CodeNode
        from ..models.edge import Edge
        from ..models.end_node import EndNode
        from ..models.evaluation_node import EvaluationNode
        from ..models.http_node import HttpNode
        from ..models.llm_node import LlmNode
        from ..models.logic_gate_node import LogicGateNode
        from ..models.loop_node import LoopNode
        from ..models.merge_node import MergeNode
        from ..models.review_node import ReviewNode
        from ..models.start_node import StartNode
        from ..models.subtask_node import SubtaskNode

        d = dict(src_dict)
        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:

            def _parse_nodes_item(
                data: object,
            ) -> (
                CodeNode
                | EndNode
                | EvaluationNode
                | HttpNode
                | LlmNode
                | LogicGateNode
                | LoopNode
                | MergeNode
                | ReviewNode
                | StartNode
                | SubtaskNode
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_node_type_0 = StartNode.from_dict(data)

                    return componentsschemas_node_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_node_type_1 = EndNode.from_dict(data)

                    return componentsschemas_node_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_node_type_2 = SubtaskNode.from_dict(data)

                    return componentsschemas_node_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_node_type_3 = ReviewNode.from_dict(data)

                    return componentsschemas_node_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_node_type_4 = LogicGateNode.from_dict(data)

                    return componentsschemas_node_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_node_type_5 = CodeNode.from_dict(data)

                    return componentsschemas_node_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_node_type_6 = HttpNode.from_dict(data)

                    return componentsschemas_node_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_node_type_7 = LlmNode.from_dict(data)

                    return componentsschemas_node_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_node_type_8 = EvaluationNode.from_dict(data)

                    return componentsschemas_node_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_node_type_9 = MergeNode.from_dict(data)

                    return componentsschemas_node_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_node_type_10 = LoopNode.from_dict(data)

                return componentsschemas_node_type_10

            nodes_item = _parse_nodes_item(nodes_item_data)

            nodes.append(nodes_item)

        edges = []
        _edges = d.pop("edges")
        for edges_item_data in _edges:
            edges_item = Edge.from_dict(edges_item_data)

            edges.append(edges_item)

        graph = cls(
            nodes=nodes,
            edges=edges,
        )

        graph.additional_properties = d
        return graph

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
